# nft sets of protocols: meta l4proto { tcp, udp }, != , a verdict map, a named inet_proto set and its lookup
nft add table inet f
nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
nft add rule inet f input meta l4proto '{ tcp, udp }' accept
nft add rule inet f input meta l4proto '!=' '{ icmp, ipv6-icmp }' drop
nft add rule inet f input meta l4proto vmap '{ tcp : accept, udp : drop }'
nft add set inet f protos '{ type inet_proto; }'
nft add element inet f protos '{ tcp, sctp }'
nft add rule inet f input meta l4proto @protos accept
nft -a list ruleset
nft add rule inet f input meta l4proto '{ tcp, bogus }' accept
nft flush ruleset
