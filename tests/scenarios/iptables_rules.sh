# iptables: appending, inserting, listing with numbers and counters, deleting by number and by specification
iptables -A INPUT -s 10.0.0.0/8 -j DROP
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -I INPUT -i lo -j ACCEPT
iptables -A INPUT -p udp --sport 53 -d 192.168.1.1 -j ACCEPT
iptables -A INPUT -p icmp --icmp-type echo-request -j REJECT
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A OUTPUT -o lo -p tcp --sport 22 -j ACCEPT
iptables -L
iptables -L -n
iptables -L -n -v --line-numbers
iptables -S
iptables -S INPUT
iptables -D INPUT 2
iptables -D INPUT -p tcp --dport 22 -j ACCEPT
iptables -S
iptables -F INPUT
iptables -S
