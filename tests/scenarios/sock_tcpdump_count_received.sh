# tcpdump -c 1: the router's ICMP answer arrives within microseconds of the SYN, before tcpdump wakes for the block (TPACKET_V3), so the socket counts it as received by the filter
ip netns add h1
ip netns add r
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec r sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name r1 address 02:00:00:00:01:02 netns r
ip -n h1 addr add 10.0.1.2/24 dev e1
ip -n r addr add 10.0.1.1/24 dev r1
ip -n h1 link set e1 up
ip -n r link set r1 up
ip -n h1 link set lo up
ip -n h1 route add default via 10.0.1.1
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
ip netns exec h1 ping -c 1 10.0.1.1
ip netns exec h1 tcpdump -nn -c 1 -i e1 host 10.0.1.2 &
ip netns exec h1 curl -I -m 1 10.0.2.2
ip netns exec h1 tcpdump -nn -c 1 -i e1 icmp &
ip netns exec h1 nc -zv -w 1 10.0.2.2 80
