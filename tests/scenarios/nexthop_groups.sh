# next-hop groups: weights, fdb groups, mpath type, listed as text and JSON
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip -6 addr add 2001:db8::1/64 dev d0 nodad
ip nexthop add id 1 via 10.0.0.2 dev d0
ip nexthop add id 2 via 10.0.0.3 dev d0
ip nexthop add id 3 via 2001:db8::3 dev d0
ip nexthop add id 4 blackhole
ip nexthop add id 5 via 10.0.0.5 fdb
ip nexthop add id 6 via 10.0.0.6 fdb
ip nexthop add id 10 group 1/2
ip nexthop add id 11 group 1,3/2,5
ip nexthop add id 12 group 1/3
ip nexthop add id 13 group 5/6 fdb
ip nexthop add id 14 group 2 type mpath
ip nexthop add id 15 group 4
ip nexthop show groups
ip -j nexthop show groups
ip -d nexthop show id 11
