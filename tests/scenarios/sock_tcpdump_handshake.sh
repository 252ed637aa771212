# tcpdump of a TCP handshake and teardown with -e and -v, a refused one with -tt
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
ip netns exec h2 tcpdump -n -e -c 8 -i e2 tcp &
echo hello | ip netns exec h1 nc -N 10.0.0.2 8080
ip netns exec h2 tcpdump -n -v -c 8 -i e2 tcp port 8080 &
echo again | ip netns exec h1 nc -N 10.0.0.2 8080
ip netns exec h2 tcpdump -n -tt -c 2 -i e2 tcp &
ip netns exec h1 nc -z 10.0.0.2 81
