# what the kernel refuses when next-hop groups are added or replaced
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip nexthop add id 2 via 10.0.0.2 dev d0
ip nexthop add id 6 blackhole
ip nexthop add id 7 via 10.0.0.7 fdb
ip nexthop add id 10 group 99
ip nexthop add id 10 group 2/2
ip nexthop add id 10 group 6/2
ip nexthop add id 10 group 2/7
ip nexthop add id 10 group 2,300
ip nexthop add id 10 group 2 blackhole
ip nexthop add id 10 group 7 fdb
ip nexthop add id 10 group 2 fdb
ip nexthop add id 10 group 2
ip nexthop add id 11 group 10
ip nexthop add id 11 group 2 type frob
ip nexthop replace id 2 group 6
ip nexthop replace id 10 via 10.0.0.2 dev d0
ip nexthop replace id 6 via 10.0.0.2 dev d0
