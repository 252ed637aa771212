# input route lookups (route get ... iif) with and without forwarding
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 up
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip addr add 192.0.2.1/24 dev v0
ip addr add 198.51.100.1/24 dev v2
ip route get 198.51.100.7 from 192.0.2.9 iif v0
sysctl -w net.ipv4.ip_forward=1
ip route get 198.51.100.7 from 192.0.2.9 iif v0
ip route get 192.0.2.1 from 192.0.2.9 iif v0
ip route get 203.0.113.1 from 192.0.2.9 iif v0
ip route get 198.51.100.7 iif v0
ip route get 198.51.100.7 from 198.51.100.9 iif v0
ip route get 192.0.2.255 from 192.0.2.9 iif v0
ip -j route get 198.51.100.7 from 192.0.2.9 iif v0
sysctl -w net.ipv4.conf.v0.forwarding=0
ip route get 198.51.100.7 from 192.0.2.9 iif v0
