# running commands inside a namespace with ip netns exec
ip netns add a
ip netns exec a ip link
ip netns exec a ip link set lo up
ip netns exec a ip addr
ip netns exec a ip route show table local
ip link
ip netns exec a echo hello from a
ip netns exec a frob
ip netns exec nope ip link
ip netns exec a
ip netns exec
ip netns exec a ip link show eth9
ip netns exec a sysctl net.ipv4.ip_forward
ip netns add b
ip -all netns exec ip -br link
ip -all netns exec frob
