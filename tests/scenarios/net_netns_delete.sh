# deleting a namespace destroys its veth ends and the peers with them: routes and neighbours go too
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h1 ping -c 1 10.0.0.2
ip -n h1 neigh show dev e1
ip netns del h2
ip netns list
ip -n h1 link
ip -n h1 route
ip -n h1 neigh
ip netns exec h1 ping -c 1 10.0.0.2
ip -n h2 link
ip netns exec h2 ping -c 1 10.0.0.1
