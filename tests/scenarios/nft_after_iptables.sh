# nft list ruleset shows the tables iptables-nft made, with its warning
iptables -A INPUT -s 10.0.0.0/8 -j DROP
iptables -A FORWARD -p tcp --dport 22 -j ACCEPT
iptables -t nat -A POSTROUTING -o v0 -j MASQUERADE
nft list ruleset
nft list tables
