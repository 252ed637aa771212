# curl and nc time out through an iptables DROP; REJECT refuses at once
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
ip netns exec h2 iptables -A INPUT -p tcp --dport 80 -j DROP
ip netns exec h1 curl -sS -m 2 10.0.0.2
ip netns exec h1 curl -s -m 1 -o /dev/null -w '%{http_code}\n' 10.0.0.2
ip netns exec h1 nc -zv -w 1 10.0.0.2 80
ip netns exec h2 iptables -A INPUT -p tcp --dport 81 -j REJECT --reject-with tcp-reset
ip netns exec h1 nc -zv 10.0.0.2 81
ip netns exec h2 iptables -A INPUT -p udp --dport 53 -j DROP
ip netns exec h1 nc -uzv -w 1 10.0.0.2 53
