# nft -n lists symbols as numbers (ct states and TCP flags in hex,
# protocols, ICMP types and codes, priorities); meta l4proto icmp before
# icmp type in an inet table needs no meta nfproto dependency
nft add table inet f
nft 'add chain inet f input { type filter hook input priority filter; policy drop; }'
nft 'add chain inet f pre { type filter hook prerouting priority raw; }'
nft 'add set inet f s { type inet_service; }'
nft add element inet f s '{ 22, 80 }'
nft 'add set inet f a { type ipv4_addr; flags interval; }'
nft add element inet f a '{ 10.0.0.0/8 }'
nft 'add set inet f p { type inet_proto; }'
nft add element inet f p '{ tcp, udp }'
nft 'add set inet f i { type icmp_type; }'
nft add element inet f i '{ echo-request, echo-reply }'
nft add rule inet f input ct state established,related accept
nft add rule inet f input meta l4proto tcp tcp dport ssh accept
nft add rule inet f input meta l4proto icmp icmp type echo-request accept
nft add rule inet f input icmpv6 type '{ nd-neighbor-solicit, echo-request }' accept
nft add rule inet f input ip protocol udp udp dport domain accept
nft add rule inet f input tcp dport @s tcp flags syn accept
nft add rule inet f input iifname lo meta nfproto ipv4 accept
nft add rule inet f input ip saddr @a ip daddr 10.0.0.1 reject with icmp type host-unreachable
nft add rule inet f input tcp dport '{ http, https }' reject with tcp reset
nft add rule inet f input meta l4proto '{ tcp, udp }' th dport 53 accept
nft add rule inet f input ct state '{ established, related }' accept
nft add rule inet f input reject with icmpx type admin-prohibited
nft add rule inet f input meta l4proto ipv6-icmp icmpv6 type echo-request reject with icmpv6 type admin-prohibited
nft add rule inet f input tcp flags '{ syn, ack }' accept
nft -n list ruleset
nft -a -n list chain inet f pre
nft -nn list set inet f p
nft list ruleset
nft --numeric list set inet f i
