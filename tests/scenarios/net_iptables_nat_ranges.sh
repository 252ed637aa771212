# iptables SNAT and DNAT into ranges of addresses: the kernel's address
# hash (find_best_ips_proto) picks one per source and destination
ip netns add c
ip netns add r
ip netns add s
ip link add v1 address 02:00:00:00:00:01 netns r type veth peer name e0 address 02:00:00:00:00:02 netns c
ip link add v0 address 02:00:00:00:00:03 netns r type veth peer name e0 address 02:00:00:00:00:04 netns s
ip -n c addr add 10.0.0.2/24 dev e0
ip -n c addr add 10.0.0.3/24 dev e0
ip -n c addr add 10.0.0.4/24 dev e0
ip -n r addr add 10.0.0.1/24 dev v1
ip -n r addr add 192.168.1.10/24 dev v0
ip -n r addr add 192.168.1.11/24 dev v0
ip -n r addr add 192.168.1.12/24 dev v0
ip -n s addr add 192.168.1.2/24 dev e0
ip -n s addr add 192.168.1.3/24 dev e0
ip -n s addr add 192.168.1.4/24 dev e0
ip -n c link set e0 up
ip -n r link set v1 up
ip -n r link set v0 up
ip -n s link set e0 up
ip -n c route add default via 10.0.0.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec r iptables -t nat -A POSTROUTING -o v0 -j SNAT --to-source 192.168.1.10-192.168.1.12
ip netns exec r iptables -t nat -A PREROUTING -d 10.9.0.100 -j DNAT --to-destination 192.168.1.2-192.168.1.4
ip netns exec s nft 'add table ip f; add chain ip f in { type filter hook input priority 0; }; add rule ip f in ip saddr 192.168.1.10 counter; add rule ip f in ip saddr 192.168.1.11 counter; add rule ip f in ip saddr 192.168.1.12 counter; add rule ip f in ip daddr 192.168.1.2 counter; add rule ip f in ip daddr 192.168.1.3 counter; add rule ip f in ip daddr 192.168.1.4 counter'
ip netns exec c ping -c 1 -I 10.0.0.2 10.9.0.100
ip netns exec c ping -c 1 -I 10.0.0.3 10.9.0.100
ip netns exec c ping -c 1 -I 10.0.0.4 10.9.0.100
ip netns exec s nft list chain ip f in
ip netns exec r iptables -t nat -L -n -v
