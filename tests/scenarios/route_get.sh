# ip route get with from, iif, oif, mark, uid and fibmatch
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.254
ip route get 10.1.2.3
ip route get 192.0.2.7
ip route get 192.0.2.1
ip route get 127.0.0.1
ip route get 10.1.2.3 from 192.0.2.1
ip route get 10.1.2.3 oif v0
ip route get 10.1.2.3 mark 7
ip route get 10.1.2.3 uid 1000
ip route get fibmatch 10.1.2.3
ip route get 203.0.113.1
ip route get 203.0.113.1 oif v0
ip route get 10.1.2.3 from 198.51.100.1 iif v0
ip route get 10.1.2.3 oif eth9
ip route get to 10.1.2.3 from 192.0.2.1 oif v0 mark 3
ip -j route get 10.1.2.3
ip -j route get 203.0.113.1
ip -6 route get ::1
ip -6 route get 2001:db8::1
