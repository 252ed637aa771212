# A route typed blackhole/unreachable/prohibit with an nhid keeps its own type (fib_info's fib_type, rt->fib6_type): while the object is a blackhole it shows and acts as one (nexthop_is_blackhole), once the object is a gateway its own type again. (IPv6 reject routes through one object share its per-cpu dst, nh->rt6i_pcpu, so only one route get a object here.)
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 172.16.1.1/24 dev v0
ip nexthop add id 23 blackhole
ip route add blackhole 172.16.101.1/32 nhid 23
ip route add unreachable 172.16.102.1/32 nhid 23
ip route add prohibit 172.16.103.1/32 nhid 23
ip route show
ip route get 172.16.101.1
ip nexthop replace id 23 via 172.16.1.2 dev v0
ip route show
ip -d route show 172.16.101.1
ip route get 172.16.101.1
ip nexthop add id 24 via 172.16.1.3 dev v0
ip route add blackhole 172.16.104.1/32 nhid 24
ip route add local 172.16.105.1/32 nhid 24
ip route show
ip route get 172.16.104.1
ip -6 addr add 2001:db8:91::1/64 dev v0 nodad
ip -6 nexthop add id 83 blackhole
ip -6 route add blackhole 2001:db8:101::1/128 nhid 83
ip -6 route add unreachable 2001:db8:102::1/128 nhid 83
ip nexthop replace id 83 via 2001:db8:91::2 dev v0
ip -6 route show
ip -6 route get 2001:db8:101::1
ip nexthop add id 85 via 2001:db8:91::3 dev v0
ip -6 route add unreachable 2001:db8:106::1/128 nhid 85
ip -6 route get 2001:db8:106::1
