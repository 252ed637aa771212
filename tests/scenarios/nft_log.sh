# nft log: prefix and level accepted and listed as nft prints them; a logged packet goes on
ip link set lo up
nft add table inet f
nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
nft add rule inet f input log prefix "x " drop
nft add rule inet f input log
nft add rule inet f input log level warn
nft add rule inet f input log prefix '"in: "' level info
nft add rule inet f input log level debug prefix y
nft add rule inet f input log level nope
nft add rule inet f input log prefix
nft list ruleset
nft flush chain inet f input
nft add rule inet f input icmp type echo-request log prefix '"ping: "' counter
nft add rule inet f input icmp type echo-request counter
ping -c 1 -W 1 127.0.0.1
nft list ruleset
