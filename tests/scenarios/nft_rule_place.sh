# nft: comments, rules placed by position/handle/index, replace keeps the handle, delete by handle
nft add table inet f
nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
nft add rule inet f input tcp dport 22 counter accept comment '"ssh"'
nft -a list ruleset
nft add rule inet f input accept
nft replace rule inet f input handle 3 tcp dport 80 accept comment "web"
nft add rule inet f input position 2 udp dport 53 accept
nft insert rule inet f input position 2 udp dport 54 accept
nft add rule inet f input handle 4 udp dport 55 accept
nft insert rule inet f input index 0 udp dport 56 accept
nft add rule inet f input index 1 udp dport 57 accept
nft -a list chain inet f input
nft delete rule inet f input handle 2
nft insert rule inet f input position 2 udp dport 53 accept
nft add rule inet f input index 9 accept
nft add rule inet f input position x accept
nft replace rule inet f input handle 9 accept
nft replace rule inet f input udp dport 55 accept
nft add rule inet f input accept comment
nft add rule inet f input accept comment two words
nft add rule inet f input accept comment '"two words"'
nft list ruleset
