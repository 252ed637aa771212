# nft lists iptables' xt multiport match through libxt_multiport's
# translation: one port, a range, a set, != and the --ports concatenation
iptables -A INPUT -p tcp -m multiport --dports 22,80,443 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 22 -j ACCEPT
iptables -A INPUT -p udp -m multiport --sports 1000:2000 -j ACCEPT
iptables -A INPUT -p udp -m multiport --sports 5,1000:2000 -j ACCEPT
iptables -A INPUT -p tcp -m multiport '!' --dports 22,80 -j DROP
iptables -A INPUT -p tcp -m multiport --ports 22,80 -j DROP
iptables -A INPUT -m multiport -p tcp --dports 1:3,5 -j DROP
iptables -A INPUT '!' -p tcp -m multiport --dports 1:3,5 -j DROP
ip6tables -A INPUT -p udp -m multiport --dports 53,5353 -j ACCEPT
nft list ruleset
nft -n list chain ip filter INPUT
iptables -t nat -A PREROUTING -p tcp -m multiport --dports 80,443 -j DNAT --to-destination 10.0.0.2
nft list table ip nat
