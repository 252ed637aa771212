# tcpdump filter expressions: host, net, port, icmp, udp, tcp with and, or, not
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
ip netns exec h2 nc -u -l 5353 &
ip netns exec h2 tcpdump -n -c 1 -i e2 host 10.0.0.1 and udp &
echo a | ip netns exec h1 nc -u -w 1 10.0.0.2 5353
ip netns exec h2 tcpdump -n -c 2 -i e2 net 10.0.0.0/24 and icmp &
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 tcpdump -n -c 2 -i e2 icmp or udp &
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 tcpdump -n -c 1 -i e2 dst port 53 &
echo b | ip netns exec h1 nc -u -w 1 10.0.0.2 53
ip netns exec h2 tcpdump -n -c 2 -i e2 tcp and not dst host 10.0.0.1 &
ip netns exec h1 nc -z 10.0.0.2 81
ip netns exec h1 nc -z 10.0.0.2 82
ip netns exec h2 tcpdump -n -c 1 -i e2 src net 10.0.0.0/16 and not icmp and not arp &
ip netns exec h1 ping -c 1 10.0.0.2
echo c | ip netns exec h1 nc -u -w 1 10.0.0.2 5353
