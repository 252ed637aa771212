# nft: ip6 addresses and prefixes, ip protocol, icmp/icmpv6 types, iif/oif and meta keys in an inet table
nft add table inet f
nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
nft add rule inet f input ip6 saddr 2001:db8::/32 drop
nft add rule inet f input ip6 daddr ::1 accept
nft add rule inet f input ip6 saddr 2001:db8::/33 drop
nft add rule inet f input ip6 nexthdr tcp accept
nft add rule inet f input icmp type echo-request accept
nft add rule inet f input icmpv6 type nd-neighbor-solicit accept
nft add rule inet f input icmpv6 type mld-listener-reduction accept
nft add rule inet f input icmpv6 type 200 accept
nft add rule inet f input iif lo accept
nft add rule inet f input oif lo accept
nft add rule inet f input meta iif "lo" accept
nft add rule inet f input meta iifname lo accept
nft add rule inet f input meta oifname "eth0" accept
nft add rule inet f input ip protocol icmp accept
nft add rule inet f input ip protocol 132 accept
nft add rule inet f input ip protocol 200 accept
nft add rule inet f input meta l4proto ipv6-icmp accept
nft add rule inet f input meta l4proto icmpv6 accept
nft add rule inet f input meta nfproto ipv4 accept
nft add rule inet f input meta nfproto ipv6 meta l4proto tcp
nft add rule inet f input ip saddr 1.1.1.1 ip daddr 2.2.2.2
nft add rule inet f input ip6 saddr ::1 icmpv6 type echo-request
nft list ruleset
