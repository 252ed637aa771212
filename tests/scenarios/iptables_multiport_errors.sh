# iptables: multiport and comment mistakes
iptables -A INPUT -m multiport --dports 80 -j ACCEPT
iptables -A INPUT -p icmp -m multiport --dports 80 -j ACCEPT
iptables -A INPUT -p tcp -m multiport -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 1:5,2:3,3:4,4:5,5:6,6:7,7:8,8:9 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 80 --sports 1 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --ports 80 --dports 1 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 2000:1000 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports nosuchport -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15 -j ACCEPT
iptables -S INPUT
