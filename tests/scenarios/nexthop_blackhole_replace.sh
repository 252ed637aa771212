# A route through a blackhole object drops until the object becomes a gateway, and again when a group's only member is a blackhole (fib_table_lookup and fib_dump_info ask nexthop_is_blackhole each time)
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 172.16.1.1/24 dev v0
ip nexthop add id 23 blackhole
ip route add 172.16.101.1/32 nhid 23
ip route show 172.16.101.1
ip route get 172.16.101.1
ip nexthop replace id 23 via 172.16.1.2 dev v0
ip route show 172.16.101.1
ip route get 172.16.101.1
ip nexthop add id 21 via 172.16.1.3 dev v0
ip nexthop add id 122 group 21
ip route replace 172.16.101.1/32 nhid 122
ip nexthop replace id 23 blackhole
ip nexthop replace id 122 group 23
ip route show 172.16.101.1
ip route get 172.16.101.1
ip nexthop replace id 122 group 21
ip route show 172.16.101.1
ip route get 172.16.101.1
ip -6 addr add 2001:db8:91::1/64 dev v0 nodad
ip -6 nexthop add id 83 blackhole
ip -6 route add 2001:db8:101::1/128 nhid 83
ip -6 route get 2001:db8:101::1
ip nexthop replace id 83 via 2001:db8:91::2 dev v0
ip -6 route show 2001:db8:101::1
ip -6 route get 2001:db8:101::1
