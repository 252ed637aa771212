# iptables: index errors, user-chain policies, unknown chains for -F and -X, bad protocols
iptables -A INPUT -j ACCEPT
iptables -I INPUT 3 -j DROP
iptables -R INPUT 2 -j DROP
iptables -D INPUT 2
iptables -F NOPE
iptables -X NOPE
iptables -A INPUT -p bogus -j DROP
iptables -A INPUT -s 10.0.0.0/33 -j DROP
iptables -A INPUT -j DNAT --to-destination 10.0.0.1
iptables -t nat -A POSTROUTING -j SNAT
iptables -S
