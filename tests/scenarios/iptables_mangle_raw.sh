# iptables: the mangle and raw tables, their chains and policies
iptables -t mangle -L
iptables -t raw -S
iptables -t mangle -A OUTPUT -p udp --dport 53 -j ACCEPT
iptables -t raw -A PREROUTING -s 10.0.0.0/8 -j DROP
iptables -t mangle -S
iptables -t raw -L -n
iptables-save
iptables -t mangle -F
iptables -t mangle -X
iptables -t mangle -S
