# Refused and unreachable connects: no route, unreachable route, a host that does not answer
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
ip -n h1 route add unreachable 10.5.0.0/16
ip -n h1 route add prohibit 10.6.0.0/16
ip netns exec h1 nc -zv 10.5.0.1 80
ip netns exec h1 nc -zv 10.6.0.1 80
ip netns exec h1 curl -sS 10.5.0.1
ip netns exec h1 nc -zv 10.0.0.99 80
ip netns exec h1 curl -sS 10.0.0.99
ip netns exec h1 nc -zv -w 1 10.0.0.98 80
