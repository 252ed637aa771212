# nft sets of ICMP types and header protocols: icmp type, icmpv6 type, ip protocol, ip6 nexthdr, != , verdict maps, named icmp_type sets and how a named set's elements wrap
nft add table inet f
nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
nft add rule inet f input icmp type '{ echo-request, echo-reply }' accept
nft add rule inet f input icmpv6 type '{ nd-neighbor-solicit, nd-router-advert, nd-neighbor-advert, echo-request }' accept
nft add rule inet f input ip protocol '{ tcp, udp }' accept
nft add rule inet f input ip6 nexthdr '{ tcp, udp }' accept
nft add rule inet f input icmp type '!=' '{ echo-request, destination-unreachable }' drop
nft add rule inet f input icmp type vmap '{ echo-request : accept, echo-reply : drop }'
nft add rule inet f input ip protocol vmap '{ tcp : accept, icmp : drop }'
nft add set inet f types '{ type icmp_type; }'
nft add element inet f types '{ echo-request, time-exceeded, echo-reply }'
nft add rule inet f input icmp type @types accept
nft add set inet f types6 '{ type icmpv6_type; }'
nft add element inet f types6 '{ nd-router-advert, echo-reply }'
nft add rule inet f input icmpv6 type '!=' @types6 drop
nft add set inet f ports '{ type inet_service; }'
nft add element inet f ports '{ 22, 25, 53, 80, 110, 143, 443 }'
nft add set inet f hosts '{ type ipv4_addr; }'
nft add element inet f hosts '{ 10.0.0.1, 10.0.0.2, 10.0.0.3 }'
nft add table ip t
nft add chain ip t input '{ type filter hook input priority 0; policy accept; }'
nft add rule ip t input icmp type '{ echo-request, time-exceeded }' counter accept
nft -a list ruleset
nft add rule inet f input icmp type '{ echo-request, bogus }' accept
nft add rule inet f input icmpv6 type '{ echo-request, bogus }' accept
nft flush ruleset
