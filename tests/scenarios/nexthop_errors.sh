# what the kernel refuses when single next-hop objects are added
ip nexthop add id 1 dev lo
ip nexthop add id 1 blackhole
ip link set lo up
ip nexthop add id 1 dev lo
ip nexthop add id 1 dev lo
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip nexthop add id 2 via 10.0.0.2 dev d0
ip link set d0 up
ip nexthop add id 2 via 10.0.0.2 dev d0
ip link set d1 up
ip nexthop add id 2 via 10.0.0.2 dev d0
ip addr add 10.0.0.1/24 dev d0
ip nexthop add id 2 via 10.0.0.1 dev d0
ip nexthop add id 2 via 10.1.0.9 dev d0
ip nexthop add id 2 via 2001:db8::2 dev d0
ip nexthop add id 2 dev d0 onlink
ip nexthop add id 2 via 10.0.0.2
ip nexthop add id 2 via 10.0.0.2 dev nosuch
ip nexthop add id 2 via 10.0.0.2 dev d0
ip nexthop add id 3 fdb via 10.0.0.3 dev d0
ip nexthop add id 4 via 10.0.0.2 dev d0 blackhole
ip nexthop add id 5 blackhole dev d0
ip nexthop add id 6 blackhole
ip nexthop add id 7 via 10.0.0.7 fdb
