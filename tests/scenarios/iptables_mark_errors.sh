# -m mark and -j MARK: values (strtoul base 0), masks, missing and clashing options
iptables -A INPUT -m mark -j ACCEPT
iptables -A INPUT -j MARK
iptables -A INPUT -m mark --mark 1/2/3
iptables -A INPUT -m mark --mark foo
iptables -A INPUT -m mark --mark 1x
iptables -A INPUT -j MARK --set-mark 1 --or-mark 2
iptables -A INPUT -m mark --mark 0x100000000
iptables -A INPUT -j MARK --and-mark 1/2
iptables -A INPUT -j MARK --set-mark 1 --set-mark 2
iptables -A INPUT -m mark --mark 1 --mark 2
iptables -A INPUT -m mark --mark -1
iptables -A INPUT -j MARK --set-xmark
iptables -A INPUT --set-mark 1 -j MARK
iptables -A INPUT -j MARK --or-mark 1 --set-mark 2
iptables -A INPUT -j MARK --xor-mark 1 --and-mark 2
