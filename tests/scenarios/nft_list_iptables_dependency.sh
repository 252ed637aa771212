# nft drops iptables' meta l4proto dependency at the next transport match
# even after an address or a ct match, but not after another statement
iptables -A INPUT -p tcp -s 1.2.3.4 --dport 5
iptables -A INPUT -p udp -d 10.0.0.0/8 --sport 53 -j ACCEPT
iptables -A INPUT -p tcp -s 10.0.0.1 -d 10.0.0.2 --dport 22 --sport 1000:2000 -j ACCEPT
iptables -A INPUT -p tcp '!' -s 10.0.0.1 --syn -j DROP
iptables -A INPUT -p icmp -s 10.0.0.1 --icmp-type 8 -j DROP
iptables -A INPUT -p tcp -s 10.0.0.1 -m multiport --dports 1,2 -j DROP
iptables -A INPUT -p tcp -s 10.0.0.1 -m conntrack --ctstate NEW --dport 22 -j DROP
ip6tables -A INPUT -p tcp -s fd00::1 --dport 22 -j ACCEPT
nft list ruleset
nft add table inet f
nft add chain inet f c
nft add rule inet f c meta l4proto tcp ip saddr 1.2.3.4 tcp dport 22 accept
nft add rule inet f c meta l4proto udp ip saddr 1.2.3.4 th dport 53 accept
nft add rule inet f c meta l4proto tcp iifname lo accept
nft list table inet f
nft add rule inet f c meta l4proto tcp ct state new tcp dport 22 accept
nft add rule inet f c meta l4proto tcp counter tcp dport 22 accept
nft add rule inet f c meta l4proto tcp limit rate 1/second tcp dport 22 accept
nft add rule inet f c meta l4proto tcp log tcp dport 22 accept
nft list table inet f
iptables -A INPUT -p tcp -m limit --dport 22
nft list chain ip filter INPUT
