# iptables: matches kept in command-line order; multiport lists and ranges; comments
iptables -A INPUT -m state --state NEW -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p tcp --dport 22 -m state --state NEW -j ACCEPT
iptables -A INPUT -m comment --comment "web ports" -p tcp -m multiport --dports 80,https,1000:1999 -j ACCEPT
iptables -A INPUT -p udp -m multiport --sports 53,123 -m comment --comment dns -j ACCEPT
iptables -A INPUT -p tcp -m multiport '!' --ports 80,8090 -j DROP
iptables -A INPUT -p tcp -m multiport --dports 22 -m conntrack --ctstate NEW -j ACCEPT
iptables -L INPUT
iptables -L INPUT -n --line-numbers
iptables -S INPUT
iptables -D INPUT -p tcp --dport 22 -m state --state NEW -j ACCEPT
iptables -D INPUT -p udp -m multiport --sports 53,123 -m comment --comment dns -j ACCEPT
iptables-save -t filter
