# nat chains see packets only while conntrack runs: a rule with a NAT target or a conntrack/state match turns it on (nf_ct_netns_get), ACCEPT rules alone do not
ip link set lo up
iptables -t nat -A OUTPUT -j ACCEPT
iptables -t nat -A POSTROUTING -j ACCEPT
ping -c 1 -q 127.0.0.1
iptables -t nat -L -n -v
iptables -A OUTPUT -m state --state NEW
ping -c 1 -q 127.0.0.1
iptables -t nat -L -n -v
iptables -L OUTPUT -n -v
iptables -D OUTPUT -m state --state NEW
iptables -t nat -Z
ping -c 1 -q 127.0.0.1
iptables -t nat -L -n -v
iptables -t nat -A PREROUTING -d 10.9.9.9 -j DNAT --to-destination 127.0.0.1
ping -c 1 -q 127.0.0.1
iptables-save -c -t nat
