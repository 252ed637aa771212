# ss -e: inode, cookie, cgroup and shutdown state of a listener, a connection and a UDP socket
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
ip -n h1 link set lo up
ip -n h2 link set lo up
ip netns exec h2 nc -l 8080 &
ip netns exec h2 ss -tln -e
ip netns exec h2 ss -tlen
ip netns exec h1 nc 10.0.0.2 8080 &
ip netns exec h1 ss -tn -e
ip netns exec h2 ss -te state established
ip netns exec h2 nc -u -l 5353 &
ip netns exec h2 ss -ulne
