# tcpdump of neighbour discovery: solicitation and advertisement before a ping6, plain, -i any and -e
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add fd00::1/64 dev e1 nodad
ip -n h2 addr add fd00::2/64 dev e2 nodad
ip -n h2 addr add fd00::3/64 dev e2 nodad
ip -n h2 addr add fd00::4/64 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 link set lo up
ip -n h2 link set lo up
ip netns exec h2 tcpdump -n -c 4 -i e2 host fd00::1 &
ip netns exec h1 ping -c 1 fd00::2
ip netns exec h1 tcpdump -n -c 4 -i any src net fd00::/64 and not src fd00::2 &
ip netns exec h1 ping -c 1 fd00::3
ip netns exec h1 tcpdump -n -e -c 4 -i e1 src net fd00::/64 and not src fd00::2 &
ip netns exec h1 ping -c 1 fd00::4
