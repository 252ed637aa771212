# tcpdump -q: `tcp LEN`, UDP without its port's protocol decoded, -e with the ethertype by name
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
ip netns exec h2 tcpdump -n -q -c 4 -i e2 &
ip netns exec h1 ping -c 1 10.0.0.2
echo hello | ip netns exec h2 nc -u -w 1 10.0.0.1 5353
ip netns exec h2 tcpdump -nq -c 8 -i e2 tcp &
echo hello | ip netns exec h1 nc -N 10.0.0.2 8080
ip netns exec h2 tcpdump -n -q -e -c 2 -i e2 tcp &
ip netns exec h1 nc -z 10.0.0.2 81
ip netns exec h2 tcpdump -n -q -v -c 2 -i e2 udp &
echo hello | ip netns exec h1 nc -u -w 1 10.0.0.2 53
