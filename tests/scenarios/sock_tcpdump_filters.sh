# tcpdump filter expressions: port, src host, icmp, arp, tcp, and, not
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
ip netns exec h2 nc -lk 8080 &
ip netns exec h2 tcpdump -n -c 2 -i e2 arp &
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 tcpdump -n -c 2 -i e2 icmp &
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 tcpdump -n -c 1 -i e2 src host 10.0.0.1 and icmp &
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 tcpdump -n -c 2 -i e2 tcp and not port 8080 &
ip netns exec h1 nc -z 10.0.0.2 8081
