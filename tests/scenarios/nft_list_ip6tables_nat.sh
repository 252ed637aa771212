# nft lists ip6tables' NAT targets (nf_nat_range: [ADDR]:PORT, ranges)
# and both families' NAT flags as the targets' xlate prints them
ip6tables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
ip6tables -t nat -A POSTROUTING -s fd00::/64 -j SNAT --to-source fd01::1
ip6tables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination '[fd02::2]:8080'
ip6tables -t nat -A PREROUTING -p tcp --dport 81 -j DNAT --to-destination fd02::2
ip6tables -t nat -A PREROUTING -p tcp --dport 82 -j REDIRECT --to-ports 8080
ip6tables -t nat -A POSTROUTING -p udp -j SNAT --to-source '[fd01::1]:1000-2000'
ip6tables -t nat -A POSTROUTING -j SNAT --to-source fd01::1-fd01::5
nft list table ip6 nat
iptables -t nat -A POSTROUTING -s 10.0.0.0/8 -j SNAT --to-source 1.2.3.4
iptables -t nat -A PREROUTING -p tcp -d 1.2.3.4 --dport 80 -j DNAT --to-destination 10.0.0.2:8080
nft list table ip nat
ip6tables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 5-6
ip6tables -t nat -A POSTROUTING -p udp -j SNAT --to-source fd01::1 --random --persistent
ip6tables -t nat -A PREROUTING -p udp -j REDIRECT --random
iptables -t nat -A POSTROUTING -p udp -j SNAT --to-source 1.2.3.4 --random --persistent
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 5-6 --random-fully
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1-10.0.0.3:80-81 --persistent
nft list table ip nat
nft list table ip6 nat
