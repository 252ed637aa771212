# tcpdump -x, -X, -xx and -XX: the frame in hex (and ASCII) under each line, from the network header or with the link-layer header
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h2 tcpdump -n -X -c 2 -i e2 arp &
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip -n h1 neigh flush dev e1
ip -n h2 neigh flush dev e2
ip netns exec h2 tcpdump -n -xx -c 2 -i e2 arp &
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip -n h1 neigh flush dev e1
ip -n h2 neigh flush dev e2
ip netns exec h2 tcpdump -n -e -XX -c 2 -i e2 arp &
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip -n h1 neigh flush dev e1
ip -n h2 neigh flush dev e2
ip netns exec h2 tcpdump -n -x -c 2 -i any arp &
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip -n h1 neigh flush dev e1
ip -n h2 neigh flush dev e2
ip netns exec h2 tcpdump -n -XX -c 2 -i any arp &
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
