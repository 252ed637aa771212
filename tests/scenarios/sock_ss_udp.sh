# ss with UDP sockets: unconnected listeners, a connected client, -u -a -l -n and -4
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
ip netns exec h2 nc -u -l 5353 &
ip netns exec h2 nc -u -l 10.0.0.2 6000 &
ip netns exec h1 nc -u 10.0.0.2 5353 &
ip netns exec h1 ss -un
ip netns exec h1 ss -uan
ip netns exec h2 ss -uln
ip netns exec h2 ss -ul
ip netns exec h2 ss -ua4n
ip netns exec h2 ss -uan state unconnected
ip netns exec h1 ss -uan state established
ip netns exec h1 ss -tuan
