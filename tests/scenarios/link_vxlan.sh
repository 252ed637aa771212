# vxlan links: creation options and errors, -d and -j output
ip link add vx0 address 02:00:00:00:00:04 type vxlan id 41
ip link add vx1 address 02:00:00:00:00:05 type vxlan id 42 dstport 4789 remote 10.0.0.2 local 10.0.0.1
ip link add vx2 address 02:00:00:00:00:06 type vxlan id 43 group 239.1.1.1 dev lo dstport 0
ip link add vx3 address 02:00:00:00:00:07 type vxlan id 44 dstport 4790 local 10.0.0.1 ttl 10 tos 0x10 nolearning noudpcsum ageing 100 maxaddress 5 srcport 1000 2000 l2miss l3miss
ip link add vx4 address 02:00:00:00:00:09 type vxlan
ip link add vx5 address 02:00:00:00:00:0a type vxlan id 42 dstport 4789
ip link add vx6 address 02:00:00:00:00:08 type vxlan id 45 remote fd00::2 local fd00::1 dstport 4789
ip link add vx7 type vxlan id 46 remote 10.0.0.2 local fd00::1
ip link add vx8 type vxlan id 16777216
ip link add vx9 type vxlan id 47 group 10.0.0.2
ip link add vx10 type vxlan id 48 external
ip link add vx11 type vxlan id 49 group 239.1.1.1
ip link add vx12 type vxlan id 50 frob
ip -d link show vx1
ip -d link show vx2
ip -d link show vx3
ip -d link show vx6
ip -j -d link show vx1
ip link show
