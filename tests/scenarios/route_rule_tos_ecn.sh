# dsfield/tos: ECN bits refused, IPv6 routes refuse tos, lookups mask ECN, IPv6 rules with tos
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip -6 addr add fd00::1/64 dev v0 nodad
ip route add 10.1.0.0/16 tos 0x11 via 10.0.0.2
ip route add 10.1.0.0/16 dsfield 0x03 via 10.0.0.2
ip route add 10.1.0.0/16 tos 0x10 via 10.0.0.2
ip route add 10.1.0.0/16 tos 0x14 via 10.0.0.2
ip route show
ip route get 10.1.0.1 tos 0x11
ip route get 10.1.0.1 tos 0x13
ip route get 10.1.0.1 tos 0x04
ip -6 route add fd01::/64 tos 0x10 via fd00::2
ip -6 route add fd01::/64 tos 0x11 via fd00::2
ip -6 route add fd01::/64 dsfield 0 via fd00::2
ip -6 route show fd01::/64
ip rule add tos 0x11 table 10
ip rule add tos 0x10 table 10
ip -6 rule add tos 0x10 table 10
ip -6 rule add tos 0x11 table 10
ip -6 rule add dsfield 0x3 table 10
ip rule
ip -6 rule
ip -6 route add fd02::/64 via fd00::2 table 10
ip -6 route get fd02::1 tos 0x10
ip -6 route get fd02::1 tos 0x12
ip -6 route get fd02::1 tos 0x20
