# nft NAT statements at the hooks and chain types each is valid at
# (nft_nat_validate, nft_masq_validate, nft_redir_validate: EOPNOTSUPP)
nft 'add chain ip v po { type nat hook postrouting priority srcnat; }'
nft 'add chain ip v in { type nat hook input priority 100; }'
nft 'add chain ip v out { type nat hook output priority -100; }'
nft 'add chain ip v f { type filter hook forward priority 0; }'
nft add chain ip v reg
nft add rule ip v po dnat to 10.0.0.1
nft add rule ip v po redirect
nft add rule ip v in snat to 10.0.0.1
nft add rule ip v in masquerade
nft add rule ip v out masquerade
nft add rule ip v out dnat to 10.0.0.2
nft add rule ip v out redirect
nft add rule ip v f masquerade
nft add rule ip v f snat to 10.0.0.1
nft add rule ip v reg dnat to 10.0.0.1
nft add rule ip v po jump reg
nft add rule ip v f jump reg
nft list table ip v
