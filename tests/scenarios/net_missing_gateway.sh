# a default route through a gateway nobody answers for: the neighbour fails, ping reports the host unreachable
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 link set lo up
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 route add default via 10.0.0.254
ip -n h1 route get 198.51.100.7
ip netns exec h1 ping -c 1 -W 5 198.51.100.7
ip -n h1 neigh show 10.0.0.254
ip -n h1 neigh show nud failed
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip -n h1 neigh show 10.0.0.2
