# IPv6 ping to an address on the link that nobody answers for: Address unreachable, neighbour FAILED
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 link set lo up
ip -n h1 addr add fd00::1/64 dev e1 nodad
ip -n h2 addr add fd00::2/64 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h1 ping -6 -c 1 -W 5 fd00::9
ip -n h1 neigh show fd00::9
ip -n h1 route add default via fd00::fe
ip netns exec h1 ping -6 -c 1 -W 5 2001:db8::7
ip -n h1 neigh show fd00::fe
ip -n h1 route get 2001:db8::7
