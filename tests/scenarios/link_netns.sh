# moving links between namespaces with set netns and peer netns
ip netns add a
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v1 netns a
ip link
ip -n a link
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04 netns a
ip -n a link show v3
ip -n a link set v3 netns b
ip -n a link set dev v3 name v9
ip -br link
ip -n a -br link
ip netns exec a ip link set v9 netns nope
