# Next-hop objects through lo once it lost its in_device (MTU under 68): an IPv4 blackhole or device next hop is ENODEV (nh_create_ipv4 → fib_check_nh_nongw), an IPv6 blackhole is made; back at 68 they are made again
ip link set lo up
ip nexthop add id 1 blackhole
ip link set dev lo mtu 60
ip nexthop add id 4 blackhole
ip nexthop add id 5 dev lo
ip -6 nexthop add id 6 blackhole
ip nexthop
ip route add 10.9.0.0/16 nhid 1
ip route show
ip link set dev lo mtu 68
ip nexthop add id 4 blackhole
ip nexthop add id 5 dev lo
ip nexthop
