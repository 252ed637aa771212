# nft jumps: loops among chains no base chain reaches are accepted; a loop reached from a base chain (jump or verdict map) is EMLINK
nft add table inet t
nft add chain inet t a
nft add rule inet t a jump a
nft add chain inet t b
nft add rule inet t b jump a
nft add chain inet t in '{ type filter hook input priority 0; }'
nft add rule inet t in jump b
nft add rule inet t in tcp dport vmap '{ 22 : jump b }'
nft add chain inet t c
nft add chain inet t d
nft add rule inet t c jump d
nft add rule inet t d jump c
nft add rule inet t in jump c
nft flush chain inet t d
nft add rule inet t in jump c
nft add table ip deep
nft list ruleset
