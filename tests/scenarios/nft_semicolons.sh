# Several nft commands on one line: `;` outside braces ends a command, every
# command is parsed before any is sent, listings print after the changes
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
nft 'delete table ip v; delete table ip w; delete table ip x'
nft list tables
