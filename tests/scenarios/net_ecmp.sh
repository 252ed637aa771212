# a multipath route over two routers that both own the destination: ping succeeds whichever path is hashed
ip netns add h1
ip netns add r1
ip netns add r2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name a1 address 02:00:00:00:01:02 netns r1
ip link add e3 address 02:00:00:00:03:01 netns h1 type veth peer name a3 address 02:00:00:00:03:02 netns r2
ip -n h1 addr add 10.0.1.2/24 dev e1
ip -n h1 addr add 10.0.3.2/24 dev e3
ip -n r1 addr add 10.0.1.1/24 dev a1
ip -n r2 addr add 10.0.3.1/24 dev a3
ip -n r1 addr add 10.9.9.9/32 dev a1
ip -n r2 addr add 10.9.9.9/32 dev a3
ip -n h1 link set e1 up
ip -n h1 link set e3 up
ip -n r1 link set a1 up
ip -n r2 link set a3 up
ip -n h1 route add 10.9.9.9 nexthop via 10.0.1.1 nexthop via 10.0.3.1
ip -n h1 route
ip -n h1 route show 10.9.9.9
ip netns exec h1 ping -c 3 -i 0.2 10.9.9.9
ip netns exec h1 traceroute -n -q 1 -w 1 -N 1 10.9.9.9
ip -n h1 route replace 10.9.9.9 nexthop via 10.0.1.1 weight 1 nexthop via 10.0.3.1 weight 3
ip -n h1 route show 10.9.9.9
ip netns exec h1 ping -c 2 -i 0.2 -q 10.9.9.9
