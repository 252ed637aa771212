# iptables SNAT, DNAT, MASQUERADE and REDIRECT with address and port ranges
# and --random, --random-fully, --persistent (libxt_NAT parse_to, print_range)
iptables -t nat -A PREROUTING -p tcp --dport 9000 -j DNAT --to-destination 192.168.1.10-192.168.1.20:8000-8010
iptables -t nat -A PREROUTING -p tcp --dport 9001 -j DNAT --to-destination 192.168.1.10:8000-8010 --random
iptables -t nat -A PREROUTING -p udp --dport 9002 -j DNAT --to-destination 192.168.1.10-192.168.1.11 --persistent
iptables -t nat -A PREROUTING -p tcp --dport 9003 -j DNAT --to-destination :8080
iptables -t nat -A PREROUTING -j DNAT --to-destination 192.168.1.10:80
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 192.168.1.10:80-79
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 192.168.1.20-192.168.1.10
iptables -t nat -A POSTROUTING -s 192.168.1.0/24 -j SNAT --to-source 203.0.113.1-203.0.113.10
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 203.0.113.1:1024-2048 --random-fully
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 203.0.113.1 --random --persistent
iptables -t nat -A POSTROUTING -j MASQUERADE --random
iptables -t nat -A POSTROUTING -j MASQUERADE --random-fully
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 1024-2000 --random
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 8080 --random
iptables -t nat -L -n -v
iptables -t nat -L
iptables -t nat -S
ip6tables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination '[fd00::1]-[fd00::5]:8000-8010'
ip6tables -t nat -A PREROUTING -p tcp --dport 81 -j DNAT --to-destination fd00::1-fd00::5
ip6tables -t nat -A POSTROUTING -p tcp -j SNAT --to-source '[fd00::1]:100-200' --persistent
ip6tables -t nat -A POSTROUTING -j MASQUERADE --random-fully
ip6tables -t nat -L -n
ip6tables-save -t nat
