# nft NAT statements: the family keyword an inet table needs, port mappings only after a transport match, IPv6 targets
nft add table inet f
nft add chain inet f pre '{ type nat hook prerouting priority -100; }'
nft add chain inet f post '{ type nat hook postrouting priority 100; }'
nft add rule inet f pre dnat ip to 10.0.2.2:80
nft add rule inet f pre dnat to 10.0.2.2
nft add rule inet f pre dnat ip to 10.0.2.2
nft add rule inet f pre tcp dport 80 dnat ip to 10.0.2.2:8080
nft add rule inet f pre meta l4proto tcp dnat ip to 10.0.2.2:8080
nft add rule inet f pre ip protocol tcp dnat ip to 10.0.2.2:80
nft add rule inet f pre th dport 80 dnat ip to 10.0.2.2:80
nft add rule inet f pre tcp dport 80 dnat ip6 to '[fd02::2]:8080'
nft add rule inet f pre dnat ip6 to fd02::2
nft add rule inet f pre ip daddr 10.0.0.1 dnat to 10.0.2.2
nft add rule inet f post snat to 10.0.2.1
nft add rule inet f post snat ip to 10.0.2.1
nft add rule inet f post ip6 saddr fd01::/64 snat to fd02::1
nft add rule inet f post masquerade
nft add rule inet f pre redirect to :8080
nft add rule inet f pre tcp dport 80 redirect to :8080
nft list ruleset
nft add table ip n
nft add chain ip n pre '{ type nat hook prerouting priority -100; }'
nft add rule ip n pre dnat to 10.0.2.2:80
nft add rule ip n pre dnat ip to 10.0.2.2
nft add rule ip n pre udp dport 53 dnat to 10.0.2.2:5353
nft list table ip n
