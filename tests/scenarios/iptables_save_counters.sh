# iptables-save -t TABLE lists the table's built-in chains even before it exists; -c (--counters) writes each rule's [packets:bytes]
iptables-save -t nat
iptables-save -t filter
ip6tables-save -t nat
iptables-save
iptables -A INPUT -i lo -j ACCEPT
iptables -A OUTPUT -o lo -p icmp -j ACCEPT
iptables -t nat -A POSTROUTING -j ACCEPT
ip link set lo up
ping -c 2 -i 0.2 127.0.0.1
iptables-save -c
iptables-save --counters -t nat
iptables-save -t raw
iptables-save -t filter
