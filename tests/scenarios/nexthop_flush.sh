# flush: groups first, then the rest, counting what went; filters by device, groups and protocol
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link add d2 address 02:00:00:00:00:03 type veth peer name d3 address 02:00:00:00:00:04
ip link set d0 up
ip link set d1 up
ip link set d2 up
ip link set d3 up
ip addr add 10.0.0.1/24 dev d0
ip nexthop add id 1 via 10.0.0.2 dev d0
ip nexthop add id 2 via 10.0.0.3 dev d0
ip nexthop add id 3 dev d2
ip nexthop add id 4 dev d2 proto static
ip nexthop add id 10 group 1/2
ip nexthop add id 11 group 2/3
ip route add 192.168.1.0/24 nhid 11
ip nexthop flush dev d2
ip nexthop
ip route
ip nexthop add id 3 dev d2
ip nexthop add id 4 dev d2 proto static
ip nexthop flush protocol 4
ip nexthop flush groups
ip nexthop
ip nexthop flush id 2
ip nexthop flush id 2
ip nexthop flush
ip nexthop
ip nexthop flush
