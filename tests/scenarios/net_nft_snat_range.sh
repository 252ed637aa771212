# nft snat into a range of addresses: the kernel's address hash
# (find_best_ips_proto) picks one per source and destination
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
ip -n r addr add 192.168.1.10/24 dev v0
ip -n r addr add 192.168.1.11/24 dev v0
ip -n r addr add 192.168.1.12/24 dev v0
ip -n r addr add 192.168.1.13/24 dev v0
ip -n s addr add 192.168.1.2/24 dev e0
ip -n c link set e0 up
ip -n r link set v1 up
ip -n r link set v0 up
ip -n s link set e0 up
ip -n c route add default via 10.0.0.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec r nft 'add table ip nat; add chain ip nat post { type nat hook postrouting priority srcnat; }; add rule ip nat post oifname v0 snat to 192.168.1.10-192.168.1.13'
ip netns exec s nft 'add table ip f; add chain ip f in { type filter hook input priority 0; }; add rule ip f in ip saddr 192.168.1.10 counter; add rule ip f in ip saddr 192.168.1.11 counter; add rule ip f in ip saddr 192.168.1.12 counter; add rule ip f in ip saddr 192.168.1.13 counter'
ip netns exec c ping -c 1 -I 10.0.0.2 192.168.1.2
ip netns exec c ping -c 1 -I 10.0.0.3 192.168.1.2
ip netns exec c ping -c 1 -I 10.0.0.4 192.168.1.2
ip netns exec c ping -c 1 -I 10.0.0.5 192.168.1.2
ip netns exec s nft list chain ip f in
ip netns exec r nft list table ip nat
