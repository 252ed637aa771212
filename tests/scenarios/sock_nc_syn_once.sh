# nc -w 1 gives up before the first SYN retransmission (the timer wheel fires it a few jiffies after 1 s); -w 2 sees one
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
ip netns exec h2 iptables -A INPUT -p tcp --dport 80 -j DROP
ip netns exec h2 tcpdump -n -c 3 -i e2 tcp &
ip netns exec h1 nc -zv -w 1 10.0.0.2 80
ip netns exec h1 nc -zv -w 2 10.0.0.2 80
