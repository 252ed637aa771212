# --reject-with takes any case-insensitive prefix of a type's name or alias (REJECT_parse); `!` after -I/-D is no rule number; ip6 addrtype refuses BROADCAST
ip6tables -A INPUT -j REJECT --reject-with adm-prohibited
ip6tables -A INPUT -j REJECT --reject-with no-route
ip6tables -A INPUT -j REJECT --reject-with icmp6-po
ip6tables -A INPUT -j REJECT --reject-with ADDR-UNREACH
ip6tables -A INPUT -j REJECT --reject-with p
ip6tables -A INPUT -j REJECT --reject-with tcp-RESET
ip6tables -A INPUT -j REJECT --reject-with reject-route
ip6tables -S INPUT
iptables -A INPUT -j REJECT --reject-with net-unreach
iptables -A INPUT -j REJECT --reject-with host-prohib
iptables -A INPUT -j REJECT --reject-with ICMP-ADMIN
iptables -A INPUT -j REJECT --reject-with tcp-rst
iptables -A INPUT -p tcp -j REJECT --reject-with tcp-rst
iptables -A INPUT -j REJECT --reject-with e
iptables -A INPUT -j REJECT --reject-with bogus
iptables -I INPUT '!' -s 10.0.9.0/30 -j DROP
iptables -I INPUT 2 '!' -d 10.0.9.1 -j ACCEPT
iptables -D INPUT '!' -s 10.0.9.0/30 -j DROP
iptables -L INPUT -n --line-numbers
ip6tables -t nat -I POSTROUTING 1 -m addrtype --dst-type BROADCAST -j ACCEPT
ip6tables -t nat -A POSTROUTING -m addrtype --src-type LOCAL --dst-type UNICAST -j ACCEPT
ip6tables -t nat -A POSTROUTING -m addrtype --src-type BLACKHOLE -j ACCEPT
ip6tables -t nat -S
