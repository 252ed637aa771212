# IPv6 entries set to DELAY or PROBE meet the same timer (neigh_timer_handler): unanswered unicast solicitations end in FAILED, a peer's advertisement makes the entry REACHABLE (the loopback ping lets the clock run)
ip link set lo up
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add fd00::1/64 dev e1 nodad
ip -n h2 addr add fd00::2/64 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 neigh add fd00::7 lladdr 00:11:22:33:44:55 dev e1 nud delay
ip -n h1 neigh show dev e1 fd00::7
ip -n h1 neigh add fd00::8 lladdr 00:11:22:33:44:66 dev e1 nud probe
ip -n h1 neigh show dev e1 fd00::8
ip -n h1 neigh add fd00::2 lladdr 02:00:00:00:00:02 dev e1 nud delay
ping -c 5 -i 1 -q 127.0.0.1
ip -n h1 neigh show dev e1 fd00::7
ip -n h1 neigh show dev e1 fd00::8
ip -n h1 neigh show dev e1 fd00::2
