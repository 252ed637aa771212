# nft over IPv6 and ICMP types: an ip6 prefix drops pings, icmpv6 and icmp type rules count them, iif lo
ip netns add h1
ip netns add h2
ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2
ip -n h1 addr add 2001:db8::1/64 dev e1 nodad
ip -n h2 addr add 2001:db8::2/64 dev e2 nodad
ip -n h1 addr add 10.0.0.1/24 dev e1
ip -n h2 addr add 10.0.0.2/24 dev e2
ip -n h1 link set e1 up
ip -n h2 link set e2 up
ip -n h1 link set lo up
ip -n h2 link set lo up
ip netns exec h2 nft add table inet f
ip netns exec h2 nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
ip netns exec h2 nft add rule inet f input iif lo counter accept
ip netns exec h2 nft add rule inet f input icmpv6 type echo-request counter
ip netns exec h2 nft add rule inet f input icmp type echo-request counter
ip netns exec h2 nft add rule inet f input ip protocol icmp counter
ip netns exec h1 ping -6 -c 2 -i 0.2 -W 1 2001:db8::2
ip netns exec h1 ping -c 1 -W 1 10.0.0.2
ip netns exec h2 ping -c 1 -W 1 127.0.0.1
ip netns exec h2 nft add rule inet f input ip6 saddr 2001:db8::/32 drop
ip netns exec h1 ping -6 -c 1 -W 1 2001:db8::2
ip netns exec h2 nft list ruleset
