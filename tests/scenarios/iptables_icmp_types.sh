# iptables --icmp-type: names by prefix and case, codes, any, '!'; listed by name and number, saved by number
iptables -A INPUT -p icmp --icmp-type echo-re
iptables -A INPUT -p icmp --icmp-type 300
iptables -A INPUT -p icmp --icmp-type 3/300
iptables -A INPUT -p icmp --icmp-type x/3
iptables -A INPUT -p icmp --icmp-type 3/
iptables -A INPUT -p icmp --icmp-type bogus
iptables -A INPUT -p icmp --icmp-type port-unr
iptables -A INPUT -p icmp --icmp-type ANY
iptables -A INPUT -p icmp --icmp-type 3/3
iptables -A INPUT -p icmp --icmp-type 4
iptables -A INPUT -p icmp '!' --icmp-type 4
iptables -A INPUT -p icmp --icmp-type 6 -j DROP
iptables -A INPUT -p icmp --icmp-type 3/77 -j DROP
iptables -A INPUT -p icmp --icmp-type TOS-host-redirect -j DROP
iptables -A INPUT -p icmp --icmpv6-type 3
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -C INPUT -p icmp --icmp-type 4
iptables -C INPUT -p icmp --icmp-type 5
