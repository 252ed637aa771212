# An nft chain and iptables' chain on one hook at the same priority: the one registered last runs first (nf_hook_entries_grow inserts a new hook before those of equal priority)
ip netns add c
ip netns add r
ip netns add s
ip link add eth0 address 02:00:00:00:01:01 netns c type veth peer name veth1 address 02:00:00:00:01:02 netns r
ip link add eth0 address 02:00:00:00:02:01 netns s type veth peer name veth2 address 02:00:00:00:02:02 netns r
ip -n c addr add 10.0.1.2/24 dev eth0
ip -n s addr add 10.0.2.2/24 dev eth0
ip -n r addr add 10.0.1.1/24 dev veth1
ip -n r addr add 10.0.2.1/24 dev veth2
ip -n c link set eth0 up
ip -n s link set eth0 up
ip -n r link set veth1 up
ip -n r link set veth2 up
ip -n c route add default via 10.0.1.1
ip -n s route add default via 10.0.2.1
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
ip netns exec s nc -lk 8000 &
ip netns exec r nft add table inet filter
ip netns exec r nft add chain inet filter forward '{ type filter hook forward priority 0; policy accept; }'
ip netns exec r nft add rule inet filter forward tcp dport 8000 counter drop
ip netns exec r iptables -A FORWARD -p tcp --dport 8000 -j REJECT --reject-with tcp-reset
ip netns exec c nc -zv -w 1 10.0.2.2 8000
ip netns exec r iptables -R FORWARD 1 -p tcp --dport 8000 -j ACCEPT
ip netns exec c nc -zv -w 1 10.0.2.2 8000
ip netns exec r iptables -L FORWARD -n -v -x
ip netns exec r nft 'add table ip late; add chain ip late fw { type filter hook forward priority 0; }; add rule ip late fw tcp dport 8000 counter reject with tcp reset'
ip netns exec c nc -zv -w 1 10.0.2.2 8000
ip netns exec r nft list table inet filter
ip netns exec r nft list table ip late
