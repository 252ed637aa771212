# dual-stack hosts on a bridge: IPv4 and IPv6 pings across it and the neighbours they leave
ip netns add h1
ip netns add h2
ip netns add sw
ip -n sw link add br0 address 02:00:00:00:00:01 type bridge
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name p1 address 02:00:00:00:01:02 netns sw
ip link add e2 address 02:00:00:00:02:01 netns h2 type veth peer name p2 address 02:00:00:00:02:02 netns sw
ip -n sw link set p1 master br0 up
ip -n sw link set p2 master br0 up
ip -n sw link set br0 up
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h1 addr add fd00::1/64 dev e1 nodad
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h2 addr add fd00::2/64 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h1 ping -c 2 -i 0.2 10.0.0.2
ip netns exec h1 ping -6 -c 2 -i 0.2 fd00::2
ip netns exec h1 ping -6 -c 1 fe80::ff:fe00:201%e1
ip -n h1 neigh show 10.0.0.2
ip -n h1 neigh show fd00::2
ip -n h1 route get fd00::2
bridge -n sw link
ip -n sw -br link show master br0
