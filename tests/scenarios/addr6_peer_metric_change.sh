# IPv6 address changes: a new metric moves the prefix route, a change restores a deleted one, a peer address gets routes to both ends
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip -6 addr add fd30::1/64 dev v0 nodad
ip -6 addr change fd30::1/64 dev v0 metric 55
ip -6 route show fd30::/64
ip -6 addr change fd30::1/64 dev v0 metric 66
ip -6 route show fd30::/64
ip -6 route del fd30::/64 dev v0 metric 66
ip -6 addr change fd30::1/64 dev v0
ip -6 route show fd30::/64
ip -6 addr show dev v0
ip -6 addr add fd40::1 peer fd40::2 dev v0 nodad
ip -6 route show table local dev v0
ip -6 route show dev v0
ip -6 addr add fd41::1 peer fd41::2 dev v0 nodad metric 77
ip -6 route show dev v0
ip -6 addr del fd40::1 peer fd40::2 dev v0
ip -6 route show dev v0
