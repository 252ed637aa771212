# iptables -m conntrack states (INVALID, UNTRACKED, SNAT, DNAT, '!'), mac, iprange, addrtype, tcp flags and --syn: listed and saved
iptables -A INPUT -m conntrack --ctstate INVALID,UNTRACKED,DNAT,SNAT -j DROP
iptables -A INPUT -m conntrack '!' --ctstate new -j ACCEPT
iptables -A INPUT -m state --state UNTRACKED,INVALID
iptables -A INPUT -m state --state DNAT
iptables -A INPUT -m conntrack --ctstate FOO
iptables -A INPUT -m mac --mac-source 02:00:00:00:00:0A -j ACCEPT
iptables -A INPUT -m mac '!' --mac-source 02:00:00:00:00:01
iptables -A INPUT -m mac --mac-source 02:00:00:00:01
iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 --dst-range 10.1.0.0-10.1.0.255
iptables -A INPUT -m iprange '!' --src-range 10.0.0.5 '!' --dst-range 10.0.0.1-10.0.0.3
iptables -A INPUT -m iprange --src-range 10.0.0.300
iptables -A INPUT -m iprange
iptables -A INPUT -p tcp --tcp-flags SYN,RST SYN
iptables -A INPUT -p tcp --syn -j DROP
iptables -A INPUT -p tcp '!' --syn --dport 22
iptables -A INPUT -p tcp --tcp-flags ALL NONE
iptables -A INPUT -p tcp --tcp-flags all fin,urg,psh
iptables -A INPUT -p tcp --tcp-flags SYN,BOGUS SYN
iptables -A INPUT -m addrtype --src-type LOCAL --limit-iface-in
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j ACCEPT
iptables -t nat -A PREROUTING -m addrtype '!' --dst-type local,BROADCAST '!' --src-type UNICAST
iptables -t nat -A OUTPUT -m addrtype --dst-type FOO
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT
iptables -t nat -L PREROUTING
iptables -t nat -S PREROUTING
iptables -C INPUT -p tcp --syn -j DROP
iptables-save -t filter
