# -m mark (native meta mark, masked) and -j MARK (xt_mark_tginfo2): -S, -L, nft's listing
iptables -t mangle -A PREROUTING -p tcp --dport 80 -j MARK --set-mark 1
iptables -t mangle -A PREROUTING -j MARK --set-mark 0x2/0xff
iptables -t mangle -A OUTPUT -j MARK --set-xmark 0x3/0xf
iptables -t mangle -A OUTPUT -j MARK --or-mark 4
iptables -t mangle -A OUTPUT -j MARK --and-mark 5
iptables -t mangle -A OUTPUT -j MARK --xor-mark 6
iptables -A INPUT -m mark --mark 1 -j ACCEPT
iptables -A INPUT -m mark '!' --mark 0x2/0xff -j DROP
iptables -A INPUT -j MARK --set-mark 1
iptables -A INPUT -m mark --mark 0x2/0xff
iptables -A INPUT -m mark --mark 010
iptables -A INPUT -j MARK --set-mark 010/0x0f
iptables -A INPUT -m mark --mark 4294967295/4294967295
iptables -A INPUT -j MARK --set-mark 0xffffffff/0
iptables -t mangle -S
iptables -S
iptables -t mangle -L -n -v
iptables -L INPUT -n
iptables -L INPUT
nft list ruleset
ip6tables -t mangle -A PREROUTING -j MARK --set-mark 7
ip6tables -t mangle -A PREROUTING -m mark --mark 7 -j ACCEPT
ip6tables -t mangle -S PREROUTING
nft list table ip6 mangle
iptables -D INPUT -m mark --mark 1 -j ACCEPT
iptables -C INPUT -j MARK --set-mark 1
iptables -S INPUT
