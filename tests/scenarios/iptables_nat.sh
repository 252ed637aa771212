# iptables nat table: MASQUERADE, SNAT, DNAT, REDIRECT and how they are listed and saved
iptables -t nat -A POSTROUTING -o v0 -j MASQUERADE
iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j SNAT --to-source 192.168.1.1
iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.2:8080
iptables -t nat -A PREROUTING -p udp --dport 53 -j REDIRECT --to-ports 5353
iptables -t nat -L
iptables -t nat -L -n -v
iptables -t nat -S
iptables-save
iptables -t nat -F
iptables -t nat -S
