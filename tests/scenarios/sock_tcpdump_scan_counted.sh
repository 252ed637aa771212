# tcpdump -c N during an nc port scan: the later ports' SYN and RST follow within microseconds, before tcpdump wakes for the block (TPACKET_V3), so the socket counts them as received by the filter
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add eth0 address 02:00:00:00:01:01 netns h1 type veth peer name eth0 address 02:00:00:00:01:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev eth0
ip -n h2 addr add 10.0.0.2/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip netns exec h2 ping -c 1 10.0.0.1
ip netns exec h1 tcpdump -n -c 2 -i eth0 &
ip netns exec h2 nc -zn -w 1 10.0.0.1 7999-8001
ip netns exec h1 nc -lk 8000 &
ip netns exec h1 tcpdump -n -c 1 -i eth0 tcp &
ip netns exec h2 nc -zv -w 1 10.0.0.1 7999-8001
ip netns exec h2 tcpdump -nn -c 3 -i eth0 port 8001 &
ip netns exec h2 nc -z -w 1 10.0.0.1 7998-8001
