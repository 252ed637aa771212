# nft sets of ICMP types and protocols in the packet walk: icmp type { ... } lets pings through a drop policy, a type vmap drops them, an ip protocol set passes them
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
ip netns exec h2 nft add chain inet f input '{ type filter hook input priority 0; policy drop; }'
ip netns exec h2 nft add rule inet f input icmp type '{ echo-request, echo-reply }' counter accept
ip netns exec h1 ping -c 2 -i 0.2 10.0.0.2
ip netns exec h2 nft insert rule inet f input icmp type vmap '{ echo-request : drop, destination-unreachable : accept }'
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip netns exec h2 nft list ruleset
ip netns exec h2 nft flush chain inet f input
ip netns exec h2 nft add rule inet f input ip protocol '{ icmp, tcp }' counter accept
ip netns exec h1 ping -c 1 10.0.0.2
ip netns exec h2 nft list ruleset
