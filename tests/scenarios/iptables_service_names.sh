# Port names by protocol from /etc/services (getservbyport/getservbyname): iptables -L and --dport, ss -ul
iptables -A INPUT -p udp --dport 22 -j ACCEPT
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p udp --dport ntp -j ACCEPT
iptables -A INPUT -p tcp --dport ntp -j ACCEPT
iptables -A INPUT -p udp --sport 67:68 -j ACCEPT
iptables -A INPUT -p tcp --dport 7000 -j ACCEPT
iptables -A INPUT -p udp --dport 7000 -j ACCEPT
iptables -L INPUT
iptables -S INPUT
ip link set lo up
nc -u -l 443 &
ss -ul
