# Several nft commands on one line: `;` outside braces ends a command, every
# command is parsed before any is sent, the changes go as one batch (all or
# nothing), listings print from nft's cache: the line's new tables, chains
# and sets, not its rules
nft 'add table ip t; add chain ip t c { type filter hook input priority 0; policy accept; }'
nft 'add rule ip t c tcp dport 22 accept; add rule ip t c udp dport 53 counter accept'
nft 'list table ip t; list tables'
nft 'add table ip u; add rule ip t c tcp dport 99999 accept'
nft 'add table ip u; add rule ip t c tcp dport 22 frobnicate'
nft list tables
nft 'add table ip v;'
nft 'add table ip w ;; add table ip x'
nft 'add table ip y; list tables; add table ip z'
nft 'add table ip k; add chain ip k c'
nft 'add table ip t; foo'
nft 'foo; add table ip t'
nft foo bar
nft -a list table ip k
nft 'add table ip u; add chain ip nosuch c'
nft 'add chain ip t d; delete chain ip t nosuch'
nft 'delete table ip v; delete table ip v'
nft 'add table inet f; add chain inet f c; add set inet f s { type ipv4_addr; }; add element inet f s { 10.0.0.1, 10.0.0.2 }'
nft 'add rule inet f c ip saddr @s accept; add rule inet f c ip daddr { 10.0.0.3, 10.0.0.4 } drop; add rule inet f c tcp dport { 22, 80 } accept'
nft list tables
nft -a list ruleset
nft 'add table ip t; add chain ip t c; add chain ip t d; add set ip t s { type ipv4_addr; }; list table ip t; add rule ip t c accept'
nft list table ip t
nft 'delete table ip v; delete table ip w; delete table ip x'
nft list tables
