# nft: an IPv4 prefix longer than the address is refused at the address with its width; malformed prefixes are syntax errors
nft add table ip t
nft add chain ip t c
nft add rule ip t c ip daddr 10.0.0.0/48 accept
nft add rule ip t c ip saddr 192.168.1.0/33 drop
nft add rule ip t c ip daddr 10.0.0.0/300 accept
nft add rule ip t c ip daddr 10.0.0.0/32 accept
nft add rule ip t c ip saddr 10.0.0.0/0 accept
nft list chain ip t c
