# REJECT --reject-with tcp-reset (iptables) and reject with tcp reset (nft): nc is refused
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
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 nc -lk 8080 &
ip netns exec h2 iptables -A INPUT -p tcp --dport 8080 -j REJECT --reject-with tcp-reset
ip netns exec h1 tcpdump -n -v -c 2 -i e1 tcp &
ip netns exec h1 nc -zv 10.0.0.2 8080
ip netns exec h2 iptables -L INPUT -v -n
ip netns exec h2 iptables -S INPUT
ip netns exec h2 nft list chain ip filter INPUT
ip netns exec h2 iptables -F INPUT
ip netns exec h2 nft add table ip t
ip netns exec h2 nft add chain ip t c '{ type filter hook input priority 0; }'
ip netns exec h2 nft add rule ip t c tcp dport 8080 reject with tcp reset
ip netns exec h2 nft add rule ip t c reject with tcp reset
ip netns exec h1 nc -zv 10.0.0.2 8080
echo hello | ip netns exec h1 nc -N 10.0.0.2 8080
ip netns exec h2 nft list table ip t
