# nft reject with icmp, icmpv6 and icmpx codes: the family checks, the codes sent, the listing
nft add table inet f
nft add chain inet f c
nft add rule inet f c reject
nft add rule inet f c reject with icmpx type port-unreachable
nft add rule inet f c reject with icmpx type admin-prohibited
nft add rule inet f c reject with icmp type host-unreachable
nft add rule inet f c reject with icmpv6 type admin-prohibited
nft add rule inet f c ip saddr 10.0.0.1 reject with icmpv6 type no-route
nft add rule inet f c meta l4proto tcp reject
nft add rule inet f c reject with icmpx no-route
nft add table ip t
nft add chain ip t c
nft add rule ip t c reject with icmp type host-unreachable
nft add rule ip t c reject with icmp type port-unreachable
nft add rule ip t c reject with icmpx type no-route
nft add rule ip t c reject with icmp type nosuch
nft add rule ip t c reject with icmpv6 type no-route
nft add rule ip t c reject with icmp type net-prohibited
nft add rule ip t c reject with icmp prot-unreachable
nft add rule ip t c reject
nft add table ip6 t6
nft add chain ip6 t6 c
nft add rule ip6 t6 c reject with icmpv6 type no-route
nft add rule ip6 t6 c reject
nft add rule ip6 t6 c reject with icmpv6 type addr-unreachable
nft add rule ip6 t6 c reject with icmp type host-unreachable
nft list ruleset
