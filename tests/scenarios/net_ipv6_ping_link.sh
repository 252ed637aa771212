# IPv6 ping on one link: global and link-local destinations, scope ids, interface binding
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2
ip -n h1 addr add fd00::1/64 dev e1 nodad
ip -n h2 addr add fd00::2/64 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h1 ping -6 -c 2 -i 0.2 fd00::2
ip netns exec h1 ping -c 1 fd00::2
ip netns exec h1 ping -6 -c 1 fe80::ff:fe00:201%e1
ip netns exec h1 ping -6 -c 1 -I e1 fe80::ff:fe00:201
ip netns exec h1 ping -6 -c 1 fe80::ff:fe00:201
ip netns exec h1 ping -6 -c 1 -s 1200 -q fd00::2
ip netns exec h1 ping -6 -c 1 -I fd00::1 fd00::2
ip netns exec h1 ping -6 -c 1 -t 1 fd00::2
ip netns exec h1 ping -6 -c 1 2001:db8::1
ip -n h1 neigh show fd00::2
ip -n h1 route get fd00::2
ip -n h1 route get fe80::ff:fe00:201 oif e1
