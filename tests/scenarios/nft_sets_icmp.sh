# nft sets of ICMP types and header protocols: icmp type, icmpv6 type, ip protocol, ip6 nexthdr, != and verdict maps
nft add table inet f
nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
nft add rule inet f input icmp type '{ echo-request, echo-reply }' accept
nft add rule inet f input icmpv6 type '{ nd-neighbor-solicit, nd-router-advert, nd-neighbor-advert, echo-request }' accept
nft add rule inet f input ip protocol '{ tcp, udp }' accept
nft add rule inet f input ip6 nexthdr '{ tcp, udp }' accept
nft add rule inet f input icmp type '!=' '{ echo-request, destination-unreachable }' drop
nft add rule inet f input icmp type vmap '{ echo-request : accept, echo-reply : drop }'
nft add rule inet f input ip protocol vmap '{ tcp : accept, icmp : drop }'
nft add table ip t
nft add chain ip t input '{ type filter hook input priority 0; policy accept; }'
nft add rule ip t input icmp type '{ echo-request, time-exceeded }' counter accept
nft -a list ruleset
nft add rule inet f input icmp type '{ echo-request, bogus }' accept
nft add rule inet f input icmpv6 type '{ echo-request, bogus }' accept
nft flush ruleset
