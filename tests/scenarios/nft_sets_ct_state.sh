# nft ct state sets: { established, related } is a set, established,related a bitmask; != and a verdict map
nft add table inet f
nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
nft add rule inet f input ct state '{ established, related }' accept
nft add rule inet f input ct state established,related accept
nft add rule inet f input ct state '!=' '{ new, invalid }' drop
nft add rule inet f input ct state vmap '{ established : accept, invalid : drop }'
nft -a list ruleset
nft add rule inet f input ct state '{ established, bogus }' accept
nft flush ruleset
