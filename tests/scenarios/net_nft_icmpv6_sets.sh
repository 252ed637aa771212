# nft icmpv6 type sets in the packet walk: behind a drop policy, pings over IPv6 pass when neighbour discovery and echo types are accepted
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 2001:db8::1/64 dev e1 nodad
ip -n h2 addr add 2001:db8::2/64 dev e2 nodad
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip netns exec h2 nft add table inet f
ip netns exec h2 nft add chain inet f input '{ type filter hook input priority 0; policy drop; }'
ip netns exec h2 nft add rule inet f input icmpv6 type '{ nd-neighbor-solicit, nd-router-advert, nd-neighbor-advert }' accept
ip netns exec h2 nft add rule inet f input icmpv6 type '{ echo-request, echo-reply }' counter accept
ip netns exec h2 nft add rule inet f input ip6 nexthdr '{ tcp, udp }' drop
ip netns exec h1 ping -6 -c 2 -i 0.2 -W 1 2001:db8::2
ip netns exec h2 nft list ruleset
