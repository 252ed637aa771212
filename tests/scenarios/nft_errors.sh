# nft error messages with the caret line, and exit codes
nft add table ip t
nft add chain ip t c '{ type nat hook forward priority 0; }'
nft delete table ip nope
nft add rule ip t nope accept
nft list table ip nope
nft add chain ip t c
nft add rule ip t c frobnicate
nft create table ip t
nft bogus
nft list ruleset
