# nft: a forward chain jumping to a user chain that drops ICMP from one network
ip netns add c
ip netns add r
ip netns add s
ip link add v1 address 02:00:00:00:00:01 netns r type veth peer name e0 address 02:00:00:00:00:02 netns c
ip link add v0 address 02:00:00:00:00:03 netns r type veth peer name e0 address 02:00:00:00:00:04 netns s
ip -n c addr add 10.0.0.2/24 dev e0
ip -n r addr add 10.0.0.1/24 dev v1
ip -n r addr add 192.168.1.1/24 dev v0
ip -n s addr add 192.168.1.2/24 dev e0
ip -n c link set e0 up
ip -n r link set v1 up
ip -n r link set v0 up
ip -n s link set e0 up
ip -n c route add default via 10.0.0.1
ip -n s route add default via 192.168.1.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec r nft add table inet fw
ip netns exec r nft add chain inet fw icmpcheck
ip netns exec r nft add chain inet fw forward '{ type filter hook forward priority 0; policy accept; }'
ip netns exec r nft add rule inet fw icmpcheck ip saddr 192.168.1.0/24 counter drop
ip netns exec r nft add rule inet fw forward meta l4proto icmp jump icmpcheck
ip netns exec r nft add rule inet fw forward counter
ip netns exec c ping -c 1 -W 1 192.168.1.2
ip netns exec s ping -c 1 -W 1 10.0.0.2
ip netns exec r nft list ruleset
