# IPv6 traceroute: 16 probes in flight; the destination limits its errors per peer with a token bucket scaled by the route prefix (a /64 gives a quarter of net.ipv6.icmp.ratelimit)
ip netns add h1
ip netns add r
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name r1 address 02:00:00:00:01:02 netns r
ip link add e2 address 02:00:00:00:02:01 netns h2 type veth peer name r2 address 02:00:00:00:02:02 netns r
ip -n h1 addr add fd00:1::2/64 dev e1 nodad
ip -n h2 addr add fd00:2::2/64 dev e2 nodad
ip -n r addr add fd00:1::1/64 dev r1 nodad
ip -n r addr add fd00:2::1/64 dev r2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n r link set r1 up
ip -n r link set r2 up
ip -n h1 route add default via fd00:1::1
ip -n h2 route add default via fd00:2::1
ip netns exec r sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec h1 ip6tables -A INPUT -p icmpv6 --icmpv6-type destination-unreachable
ip netns exec h1 traceroute -n fd00:2::2
ip netns exec h1 ip6tables -L INPUT -n -v -x
