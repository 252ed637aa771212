# nft anonymous sets: ports, names, ranges merged, prefixes, IPv6, a verdict map, != ; handles; a set goes with its rule
nft add table inet f
nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
nft add rule inet f input tcp dport '{ 22, 80, 443 }' accept
nft add rule inet f input ip saddr '{ 10.0.0.0/8, 192.168.0.0/16, 172.16.0.1 }' drop
nft add rule inet f input tcp dport vmap '{ 22 : accept, 80 : drop }'
nft add rule inet f input tcp dport '!=' '{ 1000-2000, 3000 }' accept
nft add rule inet f input ip6 daddr '{ ::1, 2001:db8::/32 }' accept
nft add rule inet f input udp sport '{53,123}' accept
nft add rule inet f input tcp dport '{ 10-20, 15-30, 31, 40 }' accept
nft add rule inet f input tcp dport '{ 22, 22, ssh, http }' accept
nft -a list ruleset
nft delete rule inet f input handle 3
nft list chain inet f input
nft add rule inet f input tcp dport '{ 22, x }' accept
nft add rule inet f input tcp dport '{ }' accept
nft add table ip t
nft add chain ip t c
nft add rule ip t c ip daddr '{ 10.1.0.0/16 }' udp dport '{ 53 }' accept
nft list table ip t
nft flush ruleset
nft list ruleset
