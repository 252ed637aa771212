# nft tcp flags and th ports in the packet walk: a SYN to one port dropped, the handshake's flags counted
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h2 nc -lk 80 &
ip netns exec h2 nc -lk 81 &
ip netns exec h2 nft add table inet f
ip netns exec h2 nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
ip netns exec h2 nft add rule inet f input th dport 81 tcp flags 'syn / syn,ack' drop
ip netns exec h2 nft add rule inet f input tcp flags '& (syn|ack) == syn' counter
ip netns exec h2 nft add rule inet f input th dport 80 tcp flags '{ syn, ack }' counter
ip netns exec h2 nft add rule inet f input tcp flags '! syn,ack' counter
ip netns exec h2 nft add rule inet f input th sport '{ 80, 81 }' counter
ip netns exec h1 nc -zv 10.0.0.2 80
ip netns exec h1 nc -zv -w 1 10.0.0.2 81
ip netns exec h2 nft list ruleset
