# nft commands on a table that does not exist: nft's cache refuses adding chains and sets, the kernel refuses rules, deletions and flushes
nft add table ip6 t
nft delete chain inet f c
nft flush chain inet f c
nft add rule inet f c accept
nft insert rule inet f c accept
nft replace rule inet f c handle 2 accept
nft add set inet f s '{ type ipv4_addr; }'
nft add set inet f s '{ type nosuch_type; }'
nft delete set inet f s
nft flush table inet f
nft list chain inet f c
nft add rule ip filter nochain drop
nft add rule ip t nochain drop
nft add chain ip t c
nft delete rule ip6 t c handle 3
nft delete table inet f
nft add table inet f
nft add chain inet f x '{ type filter hook nohook priority 0; }'
nft add chain inet f y '{ type nosuch hook input priority 0; }'
nft add set inet f s2 '{ type nosuch_type; }'
nft list ruleset
