# deleting a namespace destroys its veth ends and their peers
ip netns add a
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02 netns a
ip link show v0
ip netns del a
ip link
ip netns add a
ip -n a link
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v3 netns a
ip link set v2 netns a
ip -n a link
ip link
