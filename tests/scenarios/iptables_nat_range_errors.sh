# iptables NAT ranges refused as libxt_NAT's parse_to and parse_ports refuse
# them, and flag options a target does not take
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:abc
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80:90
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80x
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:90-80
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4-x
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80-90x
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:http
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80-http
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination x
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination '[1.2.3.4]:80'
iptables -t nat -A PREROUTING -p icmp -j DNAT --to-destination 1.2.3.4:7
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.2.3.4:7
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4 --random
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4 --random-fully
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --random
iptables -t nat -A POSTROUTING -j MASQUERADE --persistent
iptables -t nat -S
ip6tables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination '[fd00::1]-[fd00::5]:8000-8010'
ip6tables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination '[fd00::1-fd00::5]:8000-8010'
ip6tables -t nat -A POSTROUTING -p tcp -j SNAT --to-source fd00::1:80
ip6tables -t nat -A POSTROUTING -p udp -j SNAT --to-source '[fd00::1]:53' --random-fully
ip6tables -t nat -S
