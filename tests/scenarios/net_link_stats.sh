# ip -s link counters after pings on IPv4-only links: one ARP exchange, then the echoes
sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 -s link show e1
ip netns exec h1 ping -c 3 -i 0.2 -q 10.0.0.2
ip -n h1 -s link show e1
ip -n h2 -s link show e2
ip netns exec h1 ping -c 2 -i 0.2 -s 1000 -q 10.0.0.2
ip -n h1 -s -s link show e1
ip -n h1 link set lo up
ip netns exec h1 ping -c 2 -i 0.2 -q 127.0.0.1
ip -n h1 -s link show lo
