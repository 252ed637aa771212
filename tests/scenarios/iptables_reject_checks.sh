# REJECT's checks in the kernel: tcp-reset only with -p tcp, no echo-reply (ipt_REJECT, ip6t_REJECT); RETURN from a user chain
iptables -A INPUT -j REJECT --reject-with tcp-reset
iptables -A INPUT -p udp -j REJECT --reject-with tcp-reset
iptables -A INPUT -j REJECT --reject-with icmp-echo-reply
iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -I INPUT -p tcp --dport 22 -j REJECT --reject-with tcp-reset
iptables -R INPUT 1 -p udp -j REJECT --reject-with tcp-reset
ip6tables -A INPUT -p icmpv6 -j REJECT --reject-with tcp-reset
ip6tables -A INPUT -j REJECT --reject-with icmp6-echo-reply
ip6tables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -N web
iptables -A web -s 10.0.0.0/8 -j RETURN
iptables -A web -j REJECT --reject-with icmp-host-prohibited
iptables -A INPUT -p tcp -m multiport --dports 80,443 -j web
iptables -S
ip6tables -S INPUT
iptables -L web -n --line-numbers
