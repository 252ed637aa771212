# a permanent neighbour entry with the wrong MAC blackholes the peer until it is replaced
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 neigh add 10.0.0.2 lladdr 02:00:00:00:09:09 dev e1 nud permanent
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip -n h1 neigh show dev e1
ip -n h1 neigh replace 10.0.0.2 lladdr 02:00:00:00:02:01 dev e1 nud permanent
ip netns exec h1 ping -c 1 10.0.0.2
ip -n h1 neigh show dev e1
ip -n h1 neigh del 10.0.0.2 dev e1
ip netns exec h1 ping -c 1 10.0.0.2
ip -n h1 neigh show dev e1
