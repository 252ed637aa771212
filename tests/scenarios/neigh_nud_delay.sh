# An entry set to DELAY or PROBE is handled by its timer at once (neigh_timer_handler): confirmed within delay_first_probe_time it is REACHABLE, else it is probed by unicast, ucast_solicit times a retrans_time apart, then FAILED; a peer that answers makes it REACHABLE (the loopback pings let the clock run)
ip link set lo up
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h2 sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 neigh add 10.0.0.7 lladdr 00:11:22:33:44:55 dev e1 nud delay
ip -n h1 neigh show dev e1 10.0.0.7
ip -n h1 neigh add 10.0.0.8 lladdr 00:11:22:33:44:66 dev e1 nud probe
ip -n h1 neigh show dev e1 10.0.0.8
ip -n h1 neigh add 10.0.0.9 lladdr 00:11:22:33:44:99 dev e1 nud reachable
ip -n h1 neigh change 10.0.0.9 lladdr 00:11:22:33:44:99 dev e1 nud delay
ip -n h1 neigh show dev e1 10.0.0.9
ip -n h1 neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev e1 nud delay
ping -c 5 -i 1 -q 127.0.0.1
ip -n h1 neigh show dev e1 10.0.0.7
ip -n h1 neigh show dev e1 10.0.0.8
ip -n h1 neigh show dev e1 10.0.0.9
ip -n h1 neigh show dev e1 10.0.0.2
ip -n h2 neigh show dev e2
