# -N names under 29 characters (-E takes longer ones); -X on a built-in chain: ENOENT before it exists, EBUSY with rules, gone when empty; save quotes all but letters, digits, - and _; iprange names the bad address
iptables -X INPUT
iptables -A INPUT -j ACCEPT
iptables -X INPUT
iptables -A FORWARD -j ACCEPT
iptables -F INPUT
iptables -X INPUT
iptables -S
iptables -N abcdefghijabcdefghijabcdefghi
iptables -N abcdefghijabcdefghijabcdefgh
iptables -E abcdefghijabcdefghijabcdefgh abcdefghijabcdefghijabcdefghiXX
iptables -L -n
iptables -A FORWARD -m comment --comment a.b -j LOG --log-prefix a/b
iptables -A FORWARD -m comment --comment a:b -j LOG --log-prefix DROP:
iptables -A FORWARD -m comment --comment a-b_c -j LOG --log-prefix 'a b'
iptables-save -t filter
ip6tables -A INPUT -m iprange --src-range 10.0.0.9-10.0.0.1 -j DROP
ip6tables -A INPUT -m iprange --dst-range fd00::1-fd00::x -j DROP
iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.300 -j DROP
