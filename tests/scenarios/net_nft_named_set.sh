# nft named set in the packet walk: adding an address to a blocklist stops its pings, deleting it lets them through
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
ip netns exec h2 nft add table inet f
ip netns exec h2 nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
ip netns exec h2 nft add set inet f blk '{ type ipv4_addr; flags interval; }'
ip netns exec h2 nft add rule inet f input ip saddr @blk counter drop
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 nft add element inet f blk '{ 10.0.0.0/30 }'
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip netns exec h2 nft list ruleset
ip netns exec h2 nft delete element inet f blk '{ 10.0.0.0/30 }'
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 nft list set inet f blk
