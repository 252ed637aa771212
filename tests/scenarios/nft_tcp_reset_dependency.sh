# nft reject with tcp reset: the meta l4proto tcp nft puts at the head of the rule, folded in listings of ip and ip6 tables only when next to the reset
nft add table inet f
nft add chain inet f c
nft add rule inet f c reject with tcp reset
nft add rule inet f c counter reject with tcp reset
nft add rule inet f c oif lo counter reject with tcp reset
nft add rule inet f c meta l4proto tcp reject with tcp reset
nft add rule inet f c tcp dport 22 reject with tcp reset
nft add table ip t
nft add chain ip t c
nft add rule ip t c reject with tcp reset
nft add rule ip t c counter reject with tcp reset
nft add rule ip t c ip saddr 10.0.0.1 reject with tcp reset
nft add table ip6 t
nft add chain ip6 t c
nft add rule ip6 t c reject with tcp reset
nft add rule ip6 t c iifname v1 reject with tcp reset
nft list ruleset
