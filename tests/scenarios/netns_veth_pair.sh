# a veth pair joining two namespaces, addressed at both ends
ip netns add left
ip netns add right
ip link add v0 address 02:00:00:00:00:01 netns left type veth peer name v1 address 02:00:00:00:00:02 netns right
ip link
ip -n left link
ip -n right link
ip -n left addr add 10.0.0.1/24 dev v0
ip -n right addr add 10.0.0.2/24 dev v1
ip -n left link set v0 up
ip -n right link set v1 up
ip -n left addr
ip -n right -4 addr
ip -n left route
ip -n left route get 10.0.0.2
ip netns list
ip -n left neigh
