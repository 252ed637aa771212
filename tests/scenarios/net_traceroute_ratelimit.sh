# traceroute keeps 16 probes in flight, so probes past the destination reach it; the destination's port-unreachable errors are rate limited per peer (six at once, then one a second), so a traceroute right after another sees stars
ip netns add h1
ip netns add r
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name r1 address 02:00:00:00:01:02 netns r
ip link add e2 address 02:00:00:00:02:01 netns h2 type veth peer name r2 address 02:00:00:00:02:02 netns r
ip -n h1 addr add 10.0.1.2/24 dev e1
ip -n h2 addr add 10.0.2.2/24 dev e2
ip -n r addr add 10.0.1.1/24 dev r1
ip -n r addr add 10.0.2.1/24 dev r2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n r link set r1 up
ip -n r link set r2 up
ip -n h1 route add default via 10.0.1.1
ip -n h2 route add default via 10.0.2.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec h1 traceroute -n 10.0.2.2
ip netns exec h1 traceroute -n 10.0.2.2
ip netns exec h1 traceroute -n -I 10.0.2.2
