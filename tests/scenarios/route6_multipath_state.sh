# IPv6 multipath state: replace with several next hops keeps all, appended legs keep their own metrics, onlink on each next hop
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 up
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip -6 addr add fd00::1/64 dev v0 nodad
ip -6 addr add fd01::1/64 dev v2 nodad
ip -6 route add fd10::/64 via fd00::2 metric 100
ip -6 route replace fd10::/64 metric 100 nexthop via fd00::3 dev v0 nexthop via fd01::3 dev v2
ip -6 route show fd10::/64
ip -6 route replace fd10::/64 metric 100 nexthop via fd00::4 dev v0 nexthop via fd01::4 dev v2 nexthop via fd01::5 dev v2
ip -6 route show fd10::/64
ip -6 route add fd20::/64 via fd00::2 metric 200 mtu 1400 hoplimit 7
ip -6 route append fd20::/64 via fd01::2 metric 200 mtu 1400 hoplimit 7
ip -6 route show fd20::/64
ip -6 route append fd20::/64 via fd01::3 metric 200 mtu 1300
ip -6 route show fd20::/64
ip -6 route del fd20::/64 via fd00::2 metric 200
ip -6 route show fd20::/64
ip -6 route del fd20::/64 via fd01::2 metric 200
ip -6 route show fd20::/64
ip -6 route add fd50::/64 metric 10 nexthop via fe80::9 dev v0 onlink nexthop via fd77::9 dev v2 onlink
ip -6 route show fd50::/64
ip -6 route add fd51::/64 nexthop via fd77::9 dev v0 nexthop via fd01::9 dev v2
ip -6 route add fd52::/64 nexthop via fd01::9 dev v2 nexthop via fd77::9 dev v0 onlink
ip -6 route show fd52::/64
