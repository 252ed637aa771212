# ARP and neighbour solicitations carry the packet's own source when it is local (arp_announce 0) and the link-local address when it is forwarded
ip netns add h1
ip netns add r1
ip netns add h2
ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name a1 address 02:00:00:00:01:02 netns r1
ip link add e2 address 02:00:00:00:02:01 netns h2 type veth peer name a2 address 02:00:00:00:02:02 netns r1
ip -n h1 addr add 10.0.1.1/24 dev e1
ip -n h1 addr add 192.168.9.1/32 dev lo
ip -n r1 addr add 10.0.1.2/24 dev a1
ip -n h1 addr add fd01::1/64 dev e1 nodad
ip -n r1 addr add fd01::2/64 dev a1 nodad
ip -n r1 addr add fd02::2/64 dev a2 nodad
ip -n h2 addr add fd02::1/64 dev e2 nodad
ip -n h1 link set lo up
ip -n h1 link set e1 up
ip -n r1 link set a1 up
ip -n r1 link set a2 up
ip -n h2 link set e2 up
ip -n r1 route add 192.168.9.1 dev a1
ip -n h1 -6 route add default via fd01::2
ip -n h2 -6 route add default via fd02::2
ip netns exec r1 sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec h1 ping -c 1 -I 192.168.9.1 10.0.1.2
ip -n r1 -4 neigh show dev a1
ip netns exec h1 ping -c 1 fd02::1
ip -n h2 -6 neigh show dev e2 fd02::2
ip -n h2 -6 neigh show dev e2 nud delay
ip -n r1 -6 neigh show dev a2 fd02::1
ip -n r1 -6 neigh show dev a1 fd01::1
