# nft: the same matches in ip and ip6 tables, conflicting protocols, unknown interfaces and types
nft add table inet f
nft add chain inet f input
nft add rule inet f input ip saddr 1.1.1.1 ip6 daddr ::2
nft add rule inet f input iif nosuch accept
nft add rule inet f input icmp type foo accept
nft add rule inet f input ip6 saddr 2001:db8::/129 drop
nft add table ip t
nft add chain ip t c
nft add rule ip t c icmp type echo-request accept
nft add rule ip t c ip protocol icmp accept
nft add rule ip t c icmpv6 type echo-reply accept
nft add rule ip t c ip6 saddr ::1 accept
nft add table ip6 s
nft add chain ip6 s c
nft add rule ip6 s c icmpv6 type echo-request accept
nft add rule ip6 s c ip6 saddr 2001:db8::/32 drop
nft add rule ip6 s c ip protocol icmp accept
nft list table ip t
nft list table ip6 s
