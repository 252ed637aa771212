# add/insert rule at an index past the chain's rules: nft evaluates the
# statements first and looks the index up last (rule_cache_update)
nft add table ip6 t
nft add chain ip6 t pre '{ type nat hook prerouting priority dstnat; }'
nft add rule ip6 t pre index 1 dnat to 10.0.1.2
nft 'add rule ip6 t pre index 1 dnat to 10.0.1.2; add rule ip6 t pre counter'
nft add rule ip6 t pre index 0 tcp dport 99999 accept
nft add rule ip6 t pre index 0 counter
nft add rule ip6 t pre index 3 counter
nft insert rule ip6 t pre index 5 counter
nft -a list ruleset
