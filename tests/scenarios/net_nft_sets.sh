# nft anonymous sets and a verdict map in the packet walk: listed ports and ranges pass, others and the vmap drop; address sets decide pings
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
ip netns exec h2 nc -lk 1500 &
ip netns exec h2 nc -lk 8080 &
ip netns exec h2 nc -lk 9090 &
ip netns exec h2 nft add table inet f
ip netns exec h2 nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
ip netns exec h2 nft add rule inet f input tcp dport vmap '{ 9090 : drop }'
ip netns exec h2 nft add rule inet f input tcp dport '{ 80, 1000-2000 }' counter accept
ip netns exec h2 nft add rule inet f input meta l4proto tcp drop
ip netns exec h1 nc -zv 10.0.0.2 80
ip netns exec h1 nc -zv 10.0.0.2 1500
ip netns exec h1 nc -zv -w 1 10.0.0.2 8080
ip netns exec h1 nc -zv -w 1 10.0.0.2 9090
ip netns exec h2 nft add rule inet f input ip saddr '{ 10.0.0.0/30, 192.168.0.0/16 }' icmp type echo-request drop
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip netns exec h2 nft list ruleset
ip netns exec h2 nft flush chain inet f input
ip netns exec h2 nft add rule inet f input ip saddr '!=' '{ 10.0.0.0/30 }' drop
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 nft list ruleset
