# iptables and nft port ranges: iptables-nft writes a range expression (or cmp lte from 0), nft cmp gte/lte; both list each other's
iptables -A FORWARD -p udp --dport 33000:34000 -j DROP
iptables -A FORWARD -p tcp --sport 0:100 -j ACCEPT
iptables -A FORWARD -p tcp --dport 1024:65535 -j ACCEPT
iptables -A FORWARD -p udp --sport 53 -j ACCEPT
nft add rule ip filter FORWARD udp dport 1000-2000 drop
iptables -L FORWARD -n
iptables -S FORWARD
nft list chain ip filter FORWARD
