# IPv6 ping errors: no route, link-local without a scope, hop limit exceeded on a router
ip netns add h1
ip netns add r
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name r1 address 02:00:00:00:01:02 netns r
ip -n h1 addr add fd00:1::2/64 dev e1 nodad
ip -n r addr add fd00:1::1/64 dev r1 nodad
ip -n h1 link set e1 up
ip -n r link set r1 up
ip netns exec h1 ping -6 -c 1 fd00:9::1
ip -n h1 route add default via fd00:1::1
ip netns exec h1 ping -6 -c 1 -W 1 fd00:9::1
ip netns exec r sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec h1 ping -6 -c 1 fd00:9::1
ip netns exec h1 ping -6 -c 1 -t 1 fd00:9::1
ip -n r route add unreachable fd00:9::/64
ip netns exec h1 ping -6 -c 1 fd00:9::1
ip -n r route add prohibit fd00:8::/64
ip netns exec h1 ping -6 -c 1 fd00:8::1
ip -n h1 route add blackhole fd00:7::/64
ip netns exec h1 ping -6 -c 1 fd00:7::1
ip netns exec h1 ping -6 -c 1 fe80::1
