# vxlan FDB through bridge fdb on the device, changes and deletion
ip link add vx1 address 02:00:00:00:00:05 type vxlan id 42 dstport 4789 remote 10.0.0.2 local 10.0.0.1
ip link add vx2 address 02:00:00:00:00:06 type vxlan id 43 group 239.1.1.1 dev lo dstport 0
ip link add vx6 address 02:00:00:00:00:08 type vxlan id 45 remote fd00::2 local fd00::1 dstport 4789
bridge fdb show dev vx1
bridge fdb add 02:00:00:00:00:99 dev vx1 dst 10.0.0.9
bridge fdb add 02:00:00:00:00:98 dev vx1 dst 10.0.0.8 port 5000 vni 100 via lo
bridge fdb add 00:00:00:00:00:00 dev vx1 dst 10.0.0.3
bridge fdb append 00:00:00:00:00:00 dev vx1 dst 10.0.0.4
bridge fdb add 02:00:00:00:00:97 dev vx1
bridge fdb show dev vx1
bridge -j fdb show dev vx1
bridge fdb del 02:00:00:00:00:99 dev vx1
bridge fdb del 00:00:00:00:00:00 dev vx1 dst 10.0.0.2
bridge fdb show
ip link set vx1 type vxlan ttl 5
ip link set vx1 type vxlan id 99
ip link set vx1 up
ip -d link show vx1
ip link del vx1
