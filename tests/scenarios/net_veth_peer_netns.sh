# veth ends moved into other namespaces after creation, or created there with peer ... netns
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 type veth peer name e2 address 02:00:00:00:02:01
ip link set e1 netns h1
ip link set e2 netns h2
ip link
ip -n h1 link
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h1 ping -c 1 10.0.0.2
ip link add f1 address 02:00:00:00:03:01 netns h1 type veth peer name f2 address 02:00:00:00:03:02 netns h2
ip -n h2 -br link
ip -n h2 link set e2 netns h1
ip -n h1 -br link
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip -n h1 route
