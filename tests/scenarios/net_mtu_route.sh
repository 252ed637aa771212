# an mtu 1280 route: ping -M do above it fails locally, -M dont fragments, ip route get shows the mtu
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 route add 10.0.0.2/32 dev e1 mtu 1280
ip -n h1 route show dev e1
ip -n h1 route get 10.0.0.2
ip netns exec h1 ping -c 1 -M do -s 1400 10.0.0.2
ip netns exec h1 ping -c 1 -M do -s 1252 10.0.0.2
ip netns exec h1 ping -c 1 -M do -s 1253 10.0.0.2
ip netns exec h1 ping -c 1 -M dont -s 1400 10.0.0.2
ip netns exec h1 ping -c 1 -s 1400 10.0.0.2
ip -n h1 route get 10.0.0.2
