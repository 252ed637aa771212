# ip nexthop show and get with filters, protocol flush, help and unknown words
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip -6 addr add 2001:db8::1/64 dev d0 nodad
ip nexthop add id 2 via 10.0.0.2 dev d0
ip nexthop add id 3 via 10.0.0.3 dev d0 onlink
ip nexthop add id 5 via 2001:db8::2 dev d0
ip nexthop add id 6 via 10.0.0.6 fdb
ip nexthop add id 20 dev d0 protocol static
ip nexthop add id 10 group 2/3
ip nexthop show id 5
ip nexthop get id 3
ip nexthop show dev d0
ip nexthop show fdb
ip -6 nexthop
ip -4 nexthop
ip nexthop show protocol 4
ip nexthop flush protocol 4
ip nexthop
ip nh show
ip nexthop help
ip nexthop frob
