# nft dnat into a range of addresses: the kernel's address hash
# (find_best_ips_proto) picks one per source and destination, PERSISTENT
# leaves the destination out of it
ip netns add c
ip netns add r
ip netns add s
ip link add v1 address 02:00:00:00:00:01 netns r type veth peer name e0 address 02:00:00:00:00:02 netns c
ip link add v0 address 02:00:00:00:00:03 netns r type veth peer name e0 address 02:00:00:00:00:04 netns s
ip -n c addr add 10.0.0.2/24 dev e0
ip -n c addr add 10.0.0.3/24 dev e0
ip -n c addr add 10.0.0.4/24 dev e0
ip -n c addr add 10.0.0.5/24 dev e0
ip -n r addr add 10.0.0.1/24 dev v1
ip -n r addr add 192.168.1.1/24 dev v0
ip -n s addr add 192.168.1.2/24 dev e0
ip -n s addr add 192.168.1.3/24 dev e0
ip -n s addr add 192.168.1.4/24 dev e0
ip -n s addr add 192.168.1.5/24 dev e0
ip -n c link set e0 up
ip -n r link set v1 up
ip -n r link set v0 up
ip -n s link set e0 up
ip -n c route add default via 10.0.0.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip -n s route add default via 192.168.1.1
ip netns exec r nft 'add table ip nat; add chain ip nat pre { type nat hook prerouting priority dstnat; }; add rule ip nat pre ip daddr 10.9.0.100 dnat to 192.168.1.2-192.168.1.5; add rule ip nat pre ip daddr 10.9.0.101 dnat to 192.168.1.2-192.168.1.5 persistent'
ip netns exec s nft 'add table ip f; add chain ip f in { type filter hook input priority 0; }; add rule ip f in ip daddr 192.168.1.2 counter; add rule ip f in ip daddr 192.168.1.3 counter; add rule ip f in ip daddr 192.168.1.4 counter; add rule ip f in ip daddr 192.168.1.5 counter'
ip netns exec c ping -c 1 -I 10.0.0.2 10.9.0.100
ip netns exec c ping -c 1 -I 10.0.0.3 10.9.0.100
ip netns exec c ping -c 1 -I 10.0.0.4 10.9.0.100
ip netns exec c ping -c 1 -I 10.0.0.5 10.9.0.100
ip netns exec c ping -c 1 -I 10.0.0.5 10.9.0.101
ip netns exec s nft list chain ip f in
