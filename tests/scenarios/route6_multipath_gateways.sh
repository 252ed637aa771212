# IPv6 multipath routes need a gateway in every next hop, checked before
# anything else (rtm_to_fib6_multipath_config), for deletes too
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip -6 route add 2001:db8:9::/64 nexthop via fe80::1 dev v0 nexthop dev v0
ip -6 route add 2001:db8::1/64 nexthop dev v0
ip -6 route add 2001:db8:9::/64 table 300 nexthop dev v0
ip -6 route show table 300
ip route prepend default nexthop via :: dev v1 weight 1 nexthop dev v1
ip -6 route add 2001:db8:9::/64 nexthop via fe80::1 dev v0 nexthop via fe80::2 dev v1
ip -6 route del 2001:db8:9::/64 nexthop dev v0
ip -6 route add 2001:db8:8::/64 nexthop via :: dev v0 nexthop via fe80::1 dev v0
ip -6 route show
