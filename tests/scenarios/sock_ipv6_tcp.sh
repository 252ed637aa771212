# TCP and UDP over IPv6 between two namespaces
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add fd00::1/64 dev e1 nodad
ip -n h2 addr add fd00::2/64 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 link set lo up
ip -n h2 link set lo up
ip netns exec h1 nc -zv fd00::2 80
ip netns exec h2 nc -l 8080 &
ip netns exec h2 ss -tln
echo six | ip netns exec h1 nc -N fd00::2 8080
ip netns exec h1 ss -tan
ip netns exec h1 curl -sS 'http://[fd00::2]:81/'
