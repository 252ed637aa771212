# nft chain priorities: standard names near a priority, name + and - offsets, and names outside their hooks
nft add table ip t
nft add chain ip t a '{ type nat hook output priority -100; }'
nft add chain ip t b '{ type nat hook input priority 100; }'
nft add chain ip t c '{ type filter hook forward priority -105; }'
nft add chain ip t d '{ type filter hook input priority 55; }'
nft add chain ip t e '{ type filter hook input priority 45; }'
nft add chain ip t f '{ type filter hook input priority -290; }'
nft add chain ip t g '{ type nat hook output priority dstnat; }'
nft add chain ip t h '{ type filter hook forward priority srcnat; }'
nft add chain ip t i '{ type filter hook input priority filter - 5; }'
nft add chain ip t j '{ type filter hook input priority raw + 11; }'
nft add chain ip t k '{ type filter hook input priority mangle + 1; policy drop; }'
nft add chain ip t l '{ type nat hook prerouting priority 100; }'
nft add chain ip t m '{ type filter hook postrouting priority 95; }'
nft add chain ip t n '{ type nat hook prerouting priority dstnat + 10; }'
nft list ruleset
nft add table inet f
nft add chain inet f pre '{ type nat hook prerouting priority srcnat; }'
nft add chain inet f post '{ type nat hook postrouting priority dstnat; }'
nft add chain inet f o '{ type filter hook output priority security; }'
nft -a list table inet f
