# tcpdump: a SYN's retransmission and a RST without ACK keep absolute sequence numbers; curl's Host header leaves out port 80; nc -4/-6 with the other family's address
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
ip netns exec h2 iptables -A INPUT -p tcp --dport 8000 -j DROP
ip netns exec h2 tcpdump -n -c 2 -i e2 tcp &
ip netns exec h1 curl -sS -m 2 10.0.0.2:8000
ip netns exec h2 nc -l 80 &
ip netns exec h1 curl -v -m 1 10.0.0.2:80
ip netns exec h1 nc -zv4 -w 1 ::1 8080-8082
ip netns exec h1 nc -zvn6 -w 1 10.0.0.2 80
