# iptables -f (later fragments: the fragment offset masked, cmp neq 0) and ! -f
iptables -A INPUT -f -j DROP
iptables -A INPUT '!' -f -p tcp -s 1.2.3.4 -j DROP
iptables -A INPUT -p tcp -f --dport 5
iptables -A INPUT --fragment -i lo
iptables -S
iptables -L -n -v
iptables -L INPUT
nft list ruleset
ip6tables -A INPUT -f
iptables -D INPUT -f -j DROP
iptables -S INPUT
