# A STALE entry a packet goes out through turns DELAY; delay_first_probe_time later its timer (neigh_timer_handler) probes it by unicast: the peer answering makes it REACHABLE, an address nobody holds ends FAILED (the loopback ping lets the clock run)
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
ip -n h1 neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev e1 nud stale
ip -n h1 neigh add 10.0.0.3 lladdr 02:00:00:00:00:03 dev e1 nud stale
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip netns exec h1 ping -c 1 -W 1 10.0.0.3
ip -n h1 neigh show dev e1 10.0.0.2
ip -n h1 neigh show dev e1 10.0.0.3
ping -c 10 -i 1 -q 127.0.0.1
ip -n h1 neigh show dev e1 10.0.0.2
ip -n h1 neigh show dev e1 10.0.0.3
