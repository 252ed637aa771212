# -m pkttype, -m length, -m ttl (xt compat): -S, -L, nft's translations, errors
iptables -A INPUT -m pkttype --pkt-type broadcast -j DROP
iptables -A INPUT -m pkttype '!' --pkt-type multicast -j DROP
iptables -A INPUT -m pkttype --pkt-type unicast
iptables -A INPUT -m pkttype --pkt-type BCAST
iptables -A INPUT -m pkttype --pkt-type otherhost
iptables -A INPUT -m length --length 100:200 -j DROP
iptables -A INPUT -m length '!' --length 1000 -j DROP
iptables -A INPUT -m length --length :500
iptables -A INPUT -m length --length 500:
iptables -A INPUT -m ttl --ttl-eq 64
iptables -A INPUT -m ttl --ttl-lt 10
iptables -A INPUT -m ttl --ttl-gt 100
iptables -A INPUT -m ttl '!' --ttl-eq 1
iptables -S INPUT
iptables -L INPUT -n
iptables -L INPUT -v
nft list chain ip filter INPUT
iptables -A INPUT -m pkttype
iptables -A INPUT -m pkttype --pkt-type foo
iptables -A INPUT -m length
iptables -A INPUT -m length --length 70000
iptables -A INPUT -m length --length x
iptables -A INPUT -m ttl
iptables -A INPUT -m ttl --ttl-eq 256
iptables -A INPUT -m ttl --ttl-eq 1 --ttl-lt 5
iptables -A INPUT -m ttl '!' --ttl-lt 5
ip6tables -A INPUT -m pkttype --pkt-type multicast -j ACCEPT
ip6tables -A INPUT -m length --length 1280: -j ACCEPT
ip6tables -S INPUT
nft list table ip6 filter
