# two subnets on one veth without a router: device routes make each side on-link for the other
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 addr add 10.0.1.2/24 dev e1
ip -n h2 addr add 10.0.2.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h1 ping -c 1 10.0.2.2
ip -n h1 route add 10.0.2.0/24 dev e1
ip netns exec h1 ping -c 1 -W 1 10.0.2.2
ip -n h2 route add 10.0.1.0/24 dev e2
ip netns exec h1 ping -c 2 -i 0.2 10.0.2.2
ip -n h1 neigh show dev e1
ip -n h1 route get 10.0.2.2
ip -n h2 route add 10.0.9.9 via 10.0.1.2 dev e2 onlink
ip -n h1 addr add 10.0.9.9/32 dev e1
ip netns exec h2 ping -c 1 10.0.9.9
ip -n h2 route get 10.0.9.9
