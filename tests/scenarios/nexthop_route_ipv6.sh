# IPv6 routes through next-hop objects: IPv6 next hops and groups only, shown with nhid, deleted with the object
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip -6 addr add 2001:db8::1/64 dev d0 nodad
ip nexthop add id 1 via 10.0.0.2 dev d0
ip nexthop add id 3 via 2001:db8::2 dev d0
ip nexthop add id 4 via 2001:db8::4 dev d0
ip -6 nexthop add id 5 dev d0
ip nexthop add id 11 group 3
ip nexthop add id 12 group 3/4
ip -6 route add 2001:db8:1::/64 nhid 3
ip -6 route add 2001:db8:2::/64 nhid 11
ip -6 route add 2001:db8:3::/64 nhid 1
ip -6 route add 2001:db8:4::/64 nhid 5
ip -6 route add 2001:db8:5::/64 nhid 12
ip -6 route add 2001:db8:7::/64 from 2001:db8:9::/64 nhid 3
ip -6 route
ip -d -6 route show 2001:db8:1::/64
ip -j -6 route show 2001:db8:2::/64
ip -6 route get 2001:db8:1::5
ip -6 route get 2001:db8:4::5
ip nexthop replace id 3 via 2001:db8::7 dev d0
ip -6 route
ip nexthop replace id 4 via 10.0.0.4 dev d0
ip nexthop del id 3
ip -6 route
ip nexthop del id 12
ip -6 route
