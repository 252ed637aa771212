# next-hop groups replaced, and members leaving their groups as they are deleted
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip -6 addr add 2001:db8::1/64 dev d0 nodad
ip nexthop add id 1 via 10.0.0.2 dev d0
ip nexthop add id 2 via 10.0.0.3 dev d0
ip nexthop add id 3 via 2001:db8::3 dev d0
ip nexthop add id 10 group 1/2
ip nexthop add id 11 group 1,3/2
ip nexthop add id 12 group 1/3
ip nexthop add id 14 group 2 type mpath
ip nexthop replace id 10 group 2,10/1
ip nexthop replace id 2 via 10.0.0.7 dev d0
ip nexthop
ip nexthop del id 1
ip nexthop
ip nexthop del id 2
ip nexthop
ip nexthop del id 14
ip nexthop flush
ip nexthop
ip nexthop flush
