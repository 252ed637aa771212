# IPv4 forwarding sysctls are integers (any value but 0 is on), and a datagram asks its input device's own setting (IN_DEV_FORWARD): ip_forward is copied to every device
ip netns add h1
ip netns add r
ip netns add h2
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
ip netns exec r sysctl -w net.ipv4.ip_forward=2
ip netns exec h1 ping -c 1 -W 1 10.0.2.2
ip netns exec r sysctl -w net.ipv4.conf.r1.forwarding=0
ip netns exec h1 ping -c 1 -W 1 10.0.2.2
ip netns exec r sysctl -w net.ipv4.ip_forward=0
ip netns exec r sysctl -w net.ipv4.conf.r1.forwarding=3
ip netns exec r sysctl -w net.ipv4.conf.r2.forwarding=1
ip netns exec h1 ping -c 1 -W 1 10.0.2.2
