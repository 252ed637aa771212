# iptables-save with the filter and nat tables, user chains, policies and rules
iptables -N logdrop
iptables -A logdrop -j DROP
iptables -A INPUT -p tcp --dport 23 -j logdrop
iptables -P OUTPUT DROP
iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o v0 -j MASQUERADE
iptables-save
iptables -L -v
iptables -t nat -L -v -n
