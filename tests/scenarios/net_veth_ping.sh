# two hosts on one veth pair: ping, then the neighbours it created on both sides and the route it took
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h1 ping -c 3 -i 0.2 10.0.0.2
ip -n h1 neigh show dev e1
ip -n h2 neigh show dev e2
ip -n h1 route get 10.0.0.2
ip -n h2 route get 10.0.0.1
ip netns exec h2 ping -c 1 10.0.0.1
