# nft's own errors: a missing chain in `list chain`, a word after a table's
# name, and every error of a line (each command is evaluated before any
# is sent)
nft add table ip t
nft add chain ip t c
nft list chain ip t nosuch
nft list chain ip t c
nft add table bogus t
nft delete table ip t extra
nft 'add chain ip nosuch a; add chain ip t b; add chain ip other c'
nft 'add table ip u; add rule ip t c tcp dport 99999 accept; add chain ip gone d; foo'
nft list tables
nft list table ip t
