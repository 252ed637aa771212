# namespaces: links moved between them, -n for every object, exec with sysctl, names after delete
ip netns add red
ip netns add blue
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 netns red
ip link set v1 netns blue
ip -n red link set v0 up
ip -n blue link set v1 up
ip -n red addr add 10.0.0.1/24 dev v0
ip -n blue addr add 10.0.0.2/24 dev v1
ip -n red -br addr
ip -n blue -br link
ip -n red route
ip -n blue route get 10.0.0.1
ip netns exec red ip -br link
ip netns exec blue sysctl net.ipv4.ip_forward
ip -n red link set v0 netns blue
ip -n blue -br link
ip netns del red
ip -n blue -br link
ip netns list
ip -n red link
