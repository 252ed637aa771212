# iptables -j LOG: levels, prefixes and flags listed and saved; the packet goes on past it
ip link set lo up
iptables -A INPUT -p tcp --dport 22 -j LOG --log-prefix "ssh: "
iptables -A INPUT -j LOG --log-level 7
iptables -A INPUT -j LOG --log-level info --log-prefix x
iptables -A INPUT -j LOG --log-level warning --log-uid --log-tcp-sequence
iptables -A INPUT -j LOG --log-prefix 0123456789012345678901234567890
iptables -A INPUT -j LOG --log-level 8
iptables -A INPUT -p icmp -j LOG --log-prefix "ping in: " --log-level 0
iptables -A INPUT -p icmp -j ACCEPT
ping -c 1 127.0.0.1
iptables -L INPUT
iptables -L INPUT -v -n
iptables -S INPUT
iptables -D INPUT -j LOG --log-level 7
iptables-save -t filter
