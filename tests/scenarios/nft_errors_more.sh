# nft: kernel errors pointed at the chain, the handle and the table, and a base chain's policy change
nft add table ip t
nft add chain ip nope c
nft add chain ip t c '{ type filter hook input priority 0; policy accept; }'
nft delete rule ip t c handle 99
nft add chain ip t c '{ type filter hook input priority 0; policy drop; }'
nft list chain ip t c
nft create table ip t
nft delete chain ip t c
nft delete chain ip t c
nft list tables
