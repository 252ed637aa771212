# a forwarding router that cannot resolve the destination on its far link answers Destination Host Unreachable
ip netns add h1
ip netns add r
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name r1 address 02:00:00:00:01:02 netns r
ip link add r2 address 02:00:00:00:02:02 netns r type veth peer name x2 address 02:00:00:00:02:01
ip link set x2 up
ip -n h1 addr add 10.0.1.2/24 dev e1
ip -n r addr add 10.0.1.1/24 dev r1
ip -n r addr add 10.0.2.1/24 dev r2
ip -n h1 link set e1 up
ip -n r link set r1 up
ip -n r link set r2 up
ip -n h1 route add default via 10.0.1.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec h1 ping -c 1 -W 5 10.0.2.9
ip -n r neigh show dev r2
ip netns exec h1 traceroute -n -q 1 -w 3 -N 1 -m 2 10.0.3.9
ip netns exec h1 ping -c 1 10.0.3.9
