# nft: insert, rules in the ip family, deleting chains with rules, create errors, list per family
nft add table ip t
nft add chain ip t c '{ type filter hook forward priority 0; policy drop; }'
nft add rule ip t c oifname v0 ip daddr 192.168.1.0/24 accept
nft insert rule ip t c ct state established,related accept
nft add rule ip t c udp dport 53 counter accept
nft add chain ip t c
nft create chain ip t c
nft add table ip6 t6
nft list ruleset ip
nft list tables
nft -a list table ip t
nft delete chain ip t c
nft list ruleset
nft delete table ip t
nft delete table ip6 t6
nft list ruleset
