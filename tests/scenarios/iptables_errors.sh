# iptables error texts and exit codes
iptables -A NOPE -j ACCEPT
iptables -D INPUT 1
iptables -t bogus -L
iptables -X INPUT
iptables -P INPUT BOGUS
iptables -A INPUT -p tcp --dport 70000 -j ACCEPT
iptables -A INPUT -j NOSUCHTARGET
iptables -A INPUT -s 10.0.0.300 -j DROP
iptables -L NOPE
iptables -Q
iptables -A INPUT --dport 22 -j ACCEPT
iptables -N INPUT
iptables -D INPUT -s 10.0.0.1 -j DROP
