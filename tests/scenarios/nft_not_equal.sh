# nft's != on interface names (and wildcards), protocols, addresses,
# ct state and nfproto; one-element anonymous sets become comparisons
nft add table inet f
nft add chain inet f c
nft add rule inet f c iifname '!=' lo accept
nft add rule inet f c oifname '!=' 'eth*' accept
nft add rule inet f c oifname 'veth*' accept
nft add rule inet f c meta iifname '!=' lo accept
nft add rule inet f c ip protocol '!=' tcp accept
nft add rule inet f c ip6 nexthdr '!=' udp accept
nft add rule inet f c ct state '!=' established accept
nft add rule inet f c ct state '!=' established,related drop
nft add rule inet f c meta nfproto '!=' ipv4 accept
nft add rule inet f c ip saddr '!=' 10.0.0.0/8 accept
nft add rule inet f c ip daddr '!=' 10.1.1.1 accept
nft add rule inet f c ip6 saddr '!=' fe80::/10 accept
nft add rule inet f c ip protocol '!=' tcp tcp dport 22 accept
nft add rule inet f c ct state '{ established }' accept
nft add rule inet f c ct state '!=' '{ established }' accept
nft add rule inet f c iifname '{ eth0 }' accept
nft add rule inet f c iifname '!=' '{ eth1 }' accept
nft add rule inet f c meta l4proto '{ icmp }' accept
nft add rule inet f c meta l4proto '!=' '{ icmp }' accept
nft add rule inet f c tcp dport vmap '{ 22 : accept }'
nft -a list ruleset
