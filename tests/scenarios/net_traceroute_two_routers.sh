# traceroute across two routers: one line per hop, then ping -t showing where the TTL runs out
ip netns add h1
ip netns add r1
ip netns add r2
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name a1 address 02:00:00:00:01:02 netns r1
ip link add b1 address 02:00:00:00:02:01 netns r1 type veth peer name a2 address 02:00:00:00:02:02 netns r2
ip link add b2 address 02:00:00:00:03:01 netns r2 type veth peer name e2 address 02:00:00:00:03:02 netns h2
ip -n h1 addr add 10.0.1.2/24 dev e1
ip -n r1 addr add 10.0.1.1/24 dev a1
ip -n r1 addr add 10.0.12.1/24 dev b1
ip -n r2 addr add 10.0.12.2/24 dev a2
ip -n r2 addr add 10.0.2.1/24 dev b2
ip -n h2 addr add 10.0.2.2/24 dev e2
ip -n h1 link set e1 up
ip -n r1 link set a1 up
ip -n r1 link set b1 up
ip -n r2 link set a2 up
ip -n r2 link set b2 up
ip -n h2 link set e2 up
ip -n h1 route add default via 10.0.1.1
ip -n r1 route add 10.0.2.0/24 via 10.0.12.2
ip -n r2 route add 10.0.1.0/24 via 10.0.12.1
ip -n h2 route add default via 10.0.2.1
ip netns exec r1 sysctl -w net.ipv4.ip_forward=1
ip netns exec r2 sysctl -w net.ipv4.ip_forward=1
ip netns exec h1 traceroute -n -q 1 -w 1 10.0.2.2
ip netns exec h1 ping -c 1 -t 1 10.0.2.2
ip netns exec h1 ping -c 1 -t 2 10.0.2.2
ip netns exec h1 ping -c 1 -t 3 10.0.2.2
