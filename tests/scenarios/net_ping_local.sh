# pinging the host itself: loopback and own addresses need lo up, for IPv4 and IPv6
ip netns add h1
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h1 addr add fd00::1/64 dev e1 nodad
ip -n h1 link set e1 up
ip netns exec h1 ping -c 1 -W 1 10.0.0.1
ip netns exec h1 ping -6 -c 1 ::1
ip -n h1 link set lo up
ip netns exec h1 ping -c 2 -i 0.2 127.0.0.1
ip netns exec h1 ping -c 1 127.1.2.3
ip netns exec h1 ping -c 1 10.0.0.1
ip netns exec h1 ping -6 -c 1 ::1
ip netns exec h1 ping -6 -c 1 fd00::1
ip netns exec h1 ping -c 1 -s 2000 127.0.0.1
ip -n h1 route get 127.1.2.3
ip -n h1 route get 10.0.0.1
ip -n h1 -s link show lo
