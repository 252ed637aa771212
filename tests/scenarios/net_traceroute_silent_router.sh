# traceroute through a router that drops silently (forwarding off): every hop is a star
ip netns add h1
ip netns add r
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name r1 address 02:00:00:00:01:02 netns r
ip -n h1 addr add 10.0.1.2/24 dev e1
ip -n r addr add 10.0.1.1/24 dev r1
ip -n h1 link set e1 up
ip -n r link set r1 up
ip -n h1 route add default via 10.0.1.1
ip netns exec h1 traceroute -n -q 1 -w 1 -m 3 10.0.2.2
ip netns exec h1 traceroute -n -q 2 -w 1 -m 2 10.0.2.2
ip netns exec h1 ping -c 2 -i 0.2 -W 1 10.0.2.2
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec h1 traceroute -n -q 1 -w 1 -N 1 -m 3 10.0.2.2
