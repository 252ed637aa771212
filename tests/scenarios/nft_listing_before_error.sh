# a line's listings print before its batch's error (nft_netlink runs the
# commands, then sends the batch); a jump to a missing chain is marked
# under the chain's name (the extended ack names the expression)
nft add table inet filter
nft add set inet filter blocked '{ type ipv6_addr; }'
nft add element inet filter blocked '{ fd01::2 }'
nft add table ip6 nat
nft add chain ip6 nat fo '{ type filter hook forward priority 0; policy accept; }'
nft 'list table ip6 nat ; delete element inet filter blocked { fd02::2, fd01::1 }'
nft 'list table ip6 nat; add rule ip6 nat fo jump nosuch'
nft 'add rule ip6 nat fo counter; list table ip6 nat; delete element inet filter blocked { fd01::2, fd01::3 }'
nft list ruleset
nft add rule ip6 nat fo jump nosuch
nft add rule ip6 nat fo counter goto nosuch
nft add rule ip6 nat fo ip6 saddr fd00::1 counter jump nosuch
nft 'add rule ip6 nat fo counter; add rule ip6 nat fo jump nosuch'
