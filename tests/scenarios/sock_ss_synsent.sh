# ss shows SYN-SENT while a connect waits behind a DROP, and the Send-Q of a listener
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
ip netns exec h2 iptables -A INPUT -p tcp --dport 80 -j DROP
ip netns exec h1 nc -w 5 10.0.0.2 80 &
ip netns exec h1 ss -tn
ip netns exec h1 ss -tan state syn-sent
ip netns exec h2 ss -tan
ip netns exec h2 python3 -m http.server 8000 &
ip netns exec h2 ss -ltn
ip netns exec h2 ss -ltn state syn-recv
