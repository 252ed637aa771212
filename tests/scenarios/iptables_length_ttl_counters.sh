# -m length, -m ttl and -m pkttype evaluated: pings on lo counted by the rules
ip link set lo up
iptables -A OUTPUT -m ttl --ttl-lt 64 -j ACCEPT
iptables -A OUTPUT -m length --length 128 -j ACCEPT
iptables -A OUTPUT -m length '!' --length 0:83 -j ACCEPT
iptables -A OUTPUT -m ttl '!' --ttl-eq 64 -j ACCEPT
iptables -A OUTPUT -m ttl --ttl-gt 63 -j ACCEPT
iptables -A INPUT -m pkttype --pkt-type broadcast -j ACCEPT
iptables -A INPUT -m pkttype '!' --pkt-type unicast -j ACCEPT
iptables -A INPUT -m pkttype --pkt-type host -j ACCEPT
ping -q -c 1 -s 100 127.0.0.1
ping -q -c 1 -t 5 127.0.0.1
iptables -L -v -n
