# nft named sets of interface names, conntrack states and TCP flags: elements, lookups, listings
nft add table inet f
nft add chain inet f input '{ type filter hook input priority 0; }'
nft add set inet f ifs '{ type ifname; }'
nft add element inet f ifs '{ "lo", "veth0", "eth1" }'
nft add rule inet f input iifname @ifs accept
nft add set inet f states '{ type ct_state; }'
nft add element inet f states '{ established, related, invalid }'
nft add rule inet f input ct state @states accept
nft add set inet f tf '{ type tcp_flag; }'
nft add element inet f tf '{ syn, fin, rst, psh, ack, urg }'
nft add rule inet f input tcp flags @tf drop
nft add element inet f states '{ nosuch }'
nft delete element inet f ifs '{ "veth0" }'
nft list ruleset
nft list sets
nft add set inet f p '{ type inet_service; }'
nft add element inet f p '{ nosuch }'
nft add element inet f p '{ 99999 }'
nft add set inet f a '{ type ipv4_addr; }'
nft add element inet f a '{ 1.2.3.400 }'
nft add rule inet f input tcp dport '{ 22, 70000 }' accept
nft add rule inet f input ip saddr '{ 10.0.0.1, 10.0.0.300 }' accept
