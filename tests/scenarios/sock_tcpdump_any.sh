# tcpdump -i any: the Linux cooked v2 view, each device and direction (In, Out, B)
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
ip netns exec h1 tcpdump -n -c 4 -i any &
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 tcpdump -n -c 2 -i any icmp &
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 tcpdump -n -e -c 2 -i any icmp &
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h1 ip neigh flush dev e1
ip netns exec h2 ip neigh flush dev e2
ip netns exec h2 tcpdump -n -c 2 -i any arp &
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 nc -lk 8080 &
ip netns exec h2 tcpdump -n -c 8 -i any tcp &
echo hello | ip netns exec h1 nc -N 10.0.0.2 8080
