# ip6tables: icmpv6 types, multiport, comment, limit, LOG, state/conntrack, REJECT types; listed, checked, saved
ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -j ACCEPT
ip6tables -A INPUT -p ipv6-icmp --icmpv6-type 135 -j ACCEPT
ip6tables -A INPUT -p icmpv6 --icmpv6-type neighbour-advertisement -j ACCEPT
ip6tables -A INPUT -p icmpv6 --icmpv6-type 1/4 -j ACCEPT
ip6tables -A INPUT -p tcp -m multiport --dports 80,443 -j ACCEPT
ip6tables -A INPUT -m comment --comment "v6 rule" -j ACCEPT
ip6tables -A INPUT -p tcp --dport 22 -m limit --limit 3/min -j LOG --log-prefix "ssh6: "
ip6tables -A INPUT -m state --state NEW,ESTABLISHED -j ACCEPT
ip6tables -A INPUT -m conntrack --ctstate RELATED -j ACCEPT
ip6tables -A INPUT -s 2001:db8::/32 -d ::1 -j REJECT --reject-with icmp6-port-unreachable
ip6tables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
ip6tables -A INPUT -j REJECT
ip6tables -A INPUT -p icmp -j ACCEPT
ip6tables -L INPUT
ip6tables -L INPUT -n -v --line-numbers
ip6tables -S
ip6tables -C INPUT -j REJECT
ip6tables -D INPUT 99
ip6tables -A INPUT -p icmpv6 --icmpv6-type PACKET-TOO-BIG -j ACCEPT
ip6tables -A INPUT -p icmpv6 --icmpv6-type 1/2 -j ACCEPT
ip6tables -A INPUT -p icmpv6 -m icmp6 --icmpv6-type 1/2 -j ACCEPT
ip6tables -A INPUT -p icmpv6 '!' --icmpv6-type ping
ip6tables -N v6chain
ip6tables -A v6chain -j RETURN
ip6tables -X v6chain
ip6tables -L INPUT -n
ip6tables -S INPUT
ip6tables-save
