# a dotted address out of range goes to getaddrinfo: nft's "Could not
# resolve hostname" under it (nft.py seed 64)
nft add table inet f
nft add chain inet f input
nft add rule inet f input ip saddr 10.0.0.300 drop
nft add table ip t
nft add chain ip t c
nft add rule ip t c ip saddr 10.0.0.256 drop
