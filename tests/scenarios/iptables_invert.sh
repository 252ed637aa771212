# `!` before -s, -d, -i, -o, -p, --sport and --dport: cmp neq, range neq, and `! --dport 0:N` as cmp gt (listed N+1:65535)
iptables -A INPUT -p tcp '!' --dport 80 -j DROP
iptables -A INPUT -p tcp '!' --dport 0:100 -j DROP
iptables -A INPUT -p udp '!' --sport 1000:2000 -j DROP
iptables -A INPUT '!' -p tcp '!' -i lo '!' -s 10.0.0.0/30 '!' -d 10.0.9.1 -j DROP
iptables -A FORWARD '!' -o r+ -j DROP
iptables -A FORWARD -i r1 '!' -o r2 -s 10.0.1.0/24 -j ACCEPT
iptables -S
iptables -L -n -v
iptables -L
iptables -C INPUT '!' -p tcp '!' -i lo '!' -s 10.0.0.0/30 '!' -d 10.0.9.1 -j DROP
iptables -D INPUT -p tcp '!' --dport 80 -j DROP
iptables -D INPUT -p tcp --dport 80 -j DROP
ip6tables -A INPUT '!' -s fd00::/64 -p ipv6-icmp -j ACCEPT
ip6tables -A OUTPUT '!' -d fd00:1::1 -o lo -j ACCEPT
ip6tables -S
ip6tables -L -n -v
iptables-save -t filter
