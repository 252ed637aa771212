# the same host seen through ip -n, ip netns exec and ip -all netns exec, ping included
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip netns exec h2 ip link set e2 up
ip -n h1 -br addr show dev e1
ip netns exec h1 ip -br addr show dev e1
ip -all netns exec ip -br -4 addr show
ip -all netns exec ping -c 1 10.0.0.1
ip -n h2 -4 route
ip netns exec h2 ip -4 route
ip -netns h2 neigh show dev e2
ip netns exec nope ping -c 1 10.0.0.1
ip -n nope route
