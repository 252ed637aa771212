# neighbour entries a dual-stack ping leaves behind, one per family, shown and flushed right away
# (the answering side re-probes after 5 s and would create STALE entries again: nothing is shown after that)
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h1 addr add fd00::1/64 dev e1 nodad
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h2 addr add fd00::2/64 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 neigh
ip netns exec h1 ping -4 -c 1 10.0.0.2
ip netns exec h1 ping -6 -c 1 fd00::2
ip -n h1 neigh
ip -n h1 neigh get fd00::2 dev e1
ip -n h1 neigh flush dev e1
ip -n h1 neigh show dev e1
