# nft protocol dependencies: one meta l4proto per rule, conflicting transport matches, NAT addresses of the other family
nft add table inet f
nft add chain inet f c
nft add rule inet f c meta l4proto tcp tcp dport 22
nft add rule inet f c udp dport 53 icmp type echo-reply accept
nft add rule inet f c meta l4proto icmp udp dport 53
nft add rule inet f c tcp dport 22 udp sport 53
nft add rule inet f c icmp type echo-request tcp dport 22
nft add rule inet f c udp dport '{ 22, 8000-8080 }' icmp type echo-reply counter accept
nft add rule inet f c tcp dport 22 tcp flags syn tcp sport 1024-65535
nft add rule inet f c meta l4proto tcp meta l4proto udp
nft add rule inet f c meta l4proto udp udp dport 53 accept
nft add table ip6 t
nft add chain ip6 t o '{ type nat hook output priority -100; }'
nft add rule ip6 t o dnat to 10.0.2.2
nft add rule ip6 t o dnat ip to 10.0.2.2
nft add rule ip6 t o dnat to fd02::2
nft add table ip n
nft add chain ip n o '{ type nat hook output priority -100; }'
nft add rule ip n o dnat to fd02::2
nft add rule ip n o dnat ip6 to fd02::2
nft list ruleset
