# iptables: inserting at positions, replacing, deleting by number, interface wildcards and port ranges
iptables -A FORWARD -i eth+ -j ACCEPT
iptables -A FORWARD -p udp --dport 1000:2000 -j DROP
iptables -I FORWARD 2 -s 192.168.0.0/16 -d 10.1.2.3 -j ACCEPT
iptables -I FORWARD -o br0 -j DROP
iptables -L FORWARD --line-numbers
iptables -L FORWARD -n --line-numbers
iptables -R FORWARD 3 -p tcp --sport 1024:65535 -j ACCEPT
iptables -S FORWARD
iptables -I FORWARD 9 -j DROP
iptables -R FORWARD 9 -j DROP
iptables -D FORWARD 9
iptables -D FORWARD 4
iptables -S
iptables-save
