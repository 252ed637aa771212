# ip route get: source selection, oif, from, connected, local, broadcast, unreachable, fibmatch, json
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip link set lo up
ip addr add 192.0.2.1/24 dev v0
ip addr add 198.51.100.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.254
ip route add 172.16.0.0/12 via 198.51.100.254 src 198.51.100.1
ip route get 10.1.2.3
ip route get 172.16.5.5
ip route get 192.0.2.77
ip route get 192.0.2.1
ip route get 127.0.0.1
ip route get 192.0.2.255
ip route get 203.0.113.1
ip route get 10.1.2.3 from 198.51.100.1
ip route get 10.1.2.3 oif v0
ip route get 10.1.2.3 oif lo
ip route get fibmatch 10.1.2.3
ip route get fibmatch 192.0.2.9
ip -j route get 10.1.2.3
ip -4 route get 2001:db8::1
ip route get 10.1.2.3 mark 7 tos 0x10
ip route get to 10.1.2.3 dport 80 ipproto tcp
