# IPv6 lookups with an output device through a next-hop group and through siblings: fib6_select_path as ip6_pol_route calls it (have_oif_match false on this kernel), nexthop_path_fib6_result ignoring the device, rt6_score_route keeping the sibling found when the hashed one is not through a strict oif; ip6_route_get_saddr takes the group's first member's device
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link add d2 address 02:00:00:00:00:03 type veth peer name d3 address 02:00:00:00:00:04
ip link set d1 up
ip link set d3 up
ip link set d0 up
ip link set d2 up
ip -6 addr add 2001:db8:1::1/64 dev d0 nodad
ip -6 addr add 2001:db8:2::1/64 dev d2 nodad
ip nexthop add id 61 via 2001:db8:1::2 dev d0
ip nexthop add id 62 via 2001:db8:2::2 dev d2
ip nexthop add id 63 via 2001:db8:2::3 dev d2
ip nexthop add id 60 group 61/62/63
ip -6 route add 2001:db8:100::/64 nhid 60
ip -6 route add 2001:db8:101::/64 nexthop via 2001:db8:1::2 dev d0 nexthop via 2001:db8:2::2 dev d2 nexthop via 2001:db8:2::3 dev d2
sysctl -w net.ipv4.fib_multipath_hash_seed=7
sysctl -w net.ipv6.fib_multipath_hash_policy=1
ip -o -6 route get 2001:db8:100::9 ipproto udp sport 1000 dport 53
ip -o -6 route get 2001:db8:100::9 oif d0 ipproto udp sport 1000 dport 53
ip -o -6 route get 2001:db8:100::9 oif d0 ipproto udp sport 1001 dport 53
ip -o -6 route get 2001:db8:100::9 oif d2 ipproto udp sport 1002 dport 53
ip -o -6 route get 2001:db8:100::9 oif d2 ipproto udp sport 1003 dport 53
ip -o -6 route get 2001:db8:100::9 from 2001:db8:1::1 oif d0 ipproto udp sport 1004 dport 53
ip -o -6 route get 2001:db8:101::9 oif d0 ipproto udp sport 1000 dport 53
ip -o -6 route get 2001:db8:101::9 oif d0 ipproto udp sport 1001 dport 53
ip -o -6 route get 2001:db8:101::9 oif d2 ipproto udp sport 1002 dport 53
ip -o -6 route get 2001:db8:101::9 oif d2 ipproto udp sport 1003 dport 53
ip -o -6 route get 2001:db8:101::9 from 2001:db8:1::1 oif d2 ipproto udp sport 1000 dport 53
ip -o -6 route get 2001:db8:101::9 from 2001:db8:1::1 oif d2 ipproto udp sport 1004 dport 53
ip -o -6 route get 2001:db8:101::9 from 2001:db8:2::1 oif d0 ipproto udp sport 1005 dport 53
