# A TCP connection across a router held open, and ss on both ends
ip netns add h1
ip netns add r
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec r sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name r1 address 02:00:00:00:01:02 netns r
ip link add e2 address 02:00:00:00:02:01 netns h2 type veth peer name r2 address 02:00:00:00:02:02 netns r
ip -n h1 addr add 10.0.1.2/24 dev e1
ip -n h2 addr add 10.0.2.2/24 dev e2
ip -n r addr add 10.0.1.1/24 dev r1
ip -n r addr add 10.0.2.1/24 dev r2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n r link set r1 up
ip -n r link set r2 up
ip -n h1 route add default via 10.0.1.1
ip -n h2 route add default via 10.0.2.1
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
ip netns exec h2 nc -l 7000 &
ip netns exec h1 nc 10.0.2.2 7000 &
ip netns exec h1 ss -tn
ip netns exec h2 ss -tan
ip netns exec r ss -tan
ip netns exec h2 ss -tn state established
ip netns exec h2 nc -lk 7001 &
echo first | ip netns exec h1 nc -N 10.0.2.2 7001
ip netns exec h1 ss -tn state time-wait
