# IPv4 forwarded through an IPv6 gateway (RTA_VIA inet6): the next hop is resolved over neighbour discovery
ip netns add h1
ip netns add r1
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name a1 address 02:00:00:00:01:02 netns r1
ip -n h1 addr add 192.168.1.1/32 dev e1
ip -n r1 addr add 172.16.1.1/24 dev a1
ip -n h1 addr add fd00::1/64 dev e1 nodad
ip -n r1 addr add fd00::2/64 dev a1 nodad
ip -n h1 link set e1 up
ip -n r1 link set a1 up
ip -n h1 route add 172.16.1.0/24 via inet6 fd00::2 dev e1
ip -n r1 route add 192.168.1.1 via inet6 fd00::1 dev a1
ip -n h1 route get 172.16.1.1
ip netns exec h1 ping -c 2 -i 0.2 172.16.1.1
ip -n h1 neigh show to fd00::2 dev e1
ip -n h1 -4 neigh show dev e1
ip -n r1 neigh show to fd00::1 dev a1
