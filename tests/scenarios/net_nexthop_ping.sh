# ping and traceroute through a route that names a next-hop object, then through a group of one router
ip netns add h1
ip netns add r1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name a1 address 02:00:00:00:01:02 netns r1
ip link add e2 address 02:00:00:00:02:01 netns h2 type veth peer name a2 address 02:00:00:00:02:02 netns r1
ip -n h1 addr add 10.0.1.2/24 dev e1
ip -n r1 addr add 10.0.1.1/24 dev a1
ip -n r1 addr add 10.0.2.1/24 dev a2
ip -n h2 addr add 10.0.2.2/24 dev e2
ip -n h1 link set e1 up
ip -n r1 link set a1 up
ip -n r1 link set a2 up
ip -n h2 link set e2 up
ip netns exec r1 sysctl -w net.ipv4.ip_forward=1
ip -n h1 nexthop add id 1 via 10.0.1.1 dev e1
ip -n h1 route add 10.0.2.0/24 nhid 1
ip -n h2 nexthop add id 7 via 10.0.2.1 dev e2
ip -n h2 nexthop add id 8 group 7
ip -n h2 route add default nhid 8
ip -n h1 route
ip -n h2 route
ip netns exec h1 ping -c 2 -i 0.2 10.0.2.2
ip netns exec h1 traceroute -n -q 1 -w 1 -N 1 10.0.2.2
ip -n h1 nexthop add id 2 blackhole
ip -n h1 route replace 10.0.2.0/24 nhid 2
ip -n h1 route
ip netns exec h1 ping -c 1 -W 1 10.0.2.2
ip -n h1 route replace 10.0.2.0/24 nhid 1
ip -n h1 nexthop replace id 1 via 10.0.1.1 dev e1 onlink
ip netns exec h1 ping -c 1 10.0.2.2
