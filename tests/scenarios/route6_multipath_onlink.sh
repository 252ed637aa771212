# onlink before an IPv6 multipath route's next hops applies to each of them (ip6_route_multipath_add copies the route's flags); an IPv4 one keeps only each leg's own
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 up
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip -6 addr add 2001:db8:101::1/64 dev v0 nodad
ip -6 addr add 2001:db8:301::1/64 dev v2 nodad
ip addr add 169.254.1.1/24 dev v0
ip addr add 169.254.3.1/24 dev v2
ip -6 route add 2001:db8:101::5/128 onlink nexthop via 2001:db8:11::64 dev v0 nexthop via 2001:db8:12::64 dev v2
ip -6 route add 2001:db8:101::6/128 onlink nexthop via ::ffff:10.1.1.254 dev v0 nexthop via ::ffff:10.2.1.254 dev v2
ip -6 route add 2001:db8:101::7/128 nexthop via 2001:db8:11::64 dev v0 onlink nexthop via 2001:db8:12::64 dev v2
ip -6 route show
ip route add 169.254.101.5/32 onlink nexthop via 169.254.11.254 dev v0 nexthop via 169.254.12.254 dev v2
ip route add 169.254.101.6/32 onlink nexthop via 169.254.1.254 dev v0 nexthop via 169.254.3.254 dev v2
ip route show
