# curl and nc time out through a DROP on a router (28), and REJECT across it
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
ip -n h2 link set lo up
ip netns exec h2 python3 -m http.server 80 &
ip netns exec r iptables -A FORWARD -p tcp --dport 80 -j DROP
ip netns exec h1 curl -m 1 10.0.2.2
ip netns exec h1 curl -sS --connect-timeout 1 10.0.2.2
ip netns exec h1 nc -zv -w 1 10.0.2.2 80
ip netns exec r iptables -F FORWARD
ip netns exec h1 curl -sS -o /dev/null -w '%{http_code}\n' 10.0.2.2
ip netns exec r iptables -A FORWARD -p tcp --dport 80 -j REJECT --reject-with tcp-reset
ip netns exec h1 curl -sS 10.0.2.2
