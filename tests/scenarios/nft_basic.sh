# nft: an inet table, a base chain, rules with counters and handles, deletion, flush
nft list ruleset
nft add table inet filter
nft add chain inet filter input '{ type filter hook input priority 0; policy accept; }'
nft add rule inet filter input iifname lo accept
nft add rule inet filter input ip saddr 10.0.0.0/8 tcp dport 22 counter accept
nft add rule inet filter input ct state established,related accept
nft add chain inet filter user
nft add rule inet filter input jump user
nft list ruleset
nft -a list ruleset
nft delete rule inet filter input handle 3
nft list chain inet filter input
nft list tables
nft flush ruleset
nft list ruleset
