# tcpdump on a device that is down: "That device is not up", exit 1
ip netns add h1
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02
ip netns exec h1 tcpdump -n -c 1 -i e1 &
ip netns exec h1 tcpdump -n -c 1 -i e9 &
ip -n h1 link set e1 up
ip netns exec h1 tcpdump -n -c 1 -i e1 -r nofile
