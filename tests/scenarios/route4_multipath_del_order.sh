# Deleting an IPv4 multipath route (fib_nh_match): next hops are compared in order, a lone gateway with the first next hop, fewer next hops than the route has match nothing
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 up
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip addr add 172.16.103.1/24 dev v2
ip -6 addr add 2001:db8:101::1/64 dev v0 nodad
ip route add 172.16.104.0/24 nexthop via inet6 2001:db8:101::2 dev v0 nexthop via 172.16.103.2 dev v2
ip route del 172.16.104.0/24 nexthop via 172.16.103.2 dev v2 nexthop via inet6 2001:db8:101::2 dev v0
ip route del 172.16.104.0/24 nexthop via inet6 2001:db8:101::2 dev v0
ip route del 172.16.104.0/24 via 172.16.103.2
ip route show 172.16.104.0/24
ip route del 172.16.104.0/24 nexthop via inet6 2001:db8:101::2 dev v0 nexthop via 172.16.103.2 dev v2
ip route add 172.16.105.0/24 nexthop via 172.16.103.2 dev v2 nexthop via 172.16.103.3 dev v2
ip route del 172.16.105.0/24 nexthop via 172.16.103.3 dev v2 nexthop via 172.16.103.2 dev v2
ip route del 172.16.105.0/24 via 172.16.103.3
ip route del 172.16.105.0/24 dev v0
ip route del 172.16.105.0/24 nexthop dev v2 nexthop via 172.16.103.3 nexthop via 172.16.103.4
ip route show 172.16.105.0/24
ip route add 172.16.105.0/24 nexthop via 172.16.103.2 dev v2 nexthop via 172.16.103.3 dev v2
ip route del 172.16.105.0/24 via 172.16.103.2 dev v2
ip route show 172.16.105.0/24
