# a link moved to another namespace loses its qdisc until it is up again
ip netns add a
ip netns add b
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip link show v0
ip link set v0 down
ip link show v0
ip link set v0 up
ip link set v0 netns a
ip -n a link show v0
ip link show v1
ip -n a link set v0 up
ip -n a link show v0
ip -n a link set v0 netns b
ip -n b link show v0
