# IPv4 routes through next-hop objects: added, refused, shown with nhid and the object's next hops
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip -6 addr add 2001:db8::1/64 dev d0 nodad
ip nexthop add id 1 via 10.0.0.2 dev d0
ip nexthop add id 2 via 10.0.0.3 dev d0
ip nexthop add id 3 via 2001:db8::2 dev d0
ip nexthop add id 4 dev d0
ip nexthop add id 5 blackhole
ip nexthop add id 6 via 10.0.0.6 fdb
ip nexthop add id 7 via 10.0.0.7 dev d0 onlink
ip nexthop add id 10 group 1/2,3
ip route add 192.168.1.0/24 nhid 1
ip route add 192.168.2.0/24 nhid 10
ip route add 192.168.3.0/24 nhid 4
ip route add 192.168.4.0/24 nhid 5
ip route add 192.168.5.0/24 nhid 3
ip route add 192.168.6.0/24 nhid 99
ip route add 192.168.7.0/24 nhid 1 dev d0
ip route add 192.168.8.0/24 nhid 6
ip route add 192.168.9.0/24 nhid 1 scope host
ip route add 192.168.9.0/24 nhid 10 scope host
ip route add 192.168.9.0/24 nhid 7 scope link
ip route add 192.168.9.0/24 nhid 1 table 100 proto static metric 7
ip route
ip -d route
ip -j route
ip route show table 100
