# -m tcp and -m udp give ports whatever -p says; iptables-nft turns them
# into the transport header's fields, which only the rule's protocol has.
iptables -A INPUT -m tcp --dport 22 -j ACCEPT
iptables -A INPUT -p all -m udp --dport 53 -j ACCEPT
iptables -A INPUT -p tcp -m udp --dport 53 -j ACCEPT
iptables -A INPUT -p udp -m tcp --syn -j DROP
ip6tables -A INPUT -p tcp -m udp --sport 53 -j ACCEPT
iptables -A INPUT -p 6 -m tcp --dport 80 -j ACCEPT
iptables -A INPUT -p udp -m udp --dport 53 -j ACCEPT
iptables -A INPUT -p udp --dport 123 -j ACCEPT
iptables -A INPUT '!' -p tcp -m tcp --dport 5 -j ACCEPT
iptables -A INPUT '!' -p udp --sport 7 -j DROP
iptables -S INPUT
nft list chain ip filter INPUT
nft add rule ip filter INPUT meta l4proto '!=' udp th sport 9 drop
nft list chain ip filter INPUT
