# tcpdump -A: the bytes past the link-layer header as text, a dot for each byte not graphic, a space, a tab or a new line (10.x addresses hold new lines); -x wins over it
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
ip netns exec h2 tcpdump -n -A -c 2 -i e2 arp &
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip -n h1 neigh flush dev e1
ip -n h2 neigh flush dev e2
ip netns exec h2 tcpdump -n -A -x -c 1 -i e2 arp &
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
