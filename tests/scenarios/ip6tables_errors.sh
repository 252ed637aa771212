# ip6tables errors: the program's own name in every message, icmpv6 types, limits, chains, tables
ip6tables -A INPUT -p icmpv6 --icmpv6-type bogus -j ACCEPT
ip6tables -A INPUT -j REJECT --reject-with icmp-port-unreachable
ip6tables -A INPUT -s 10.0.0.1 -j ACCEPT
ip6tables -A INPUT -m limit --limit 0/s
ip6tables -A INPUT -m foo
ip6tables -A INPUT --bogus
ip6tables -A NOPE -j ACCEPT
ip6tables -X NOPE
ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-re
ip6tables -A INPUT -p icmpv6 --icmpv6-type 300
ip6tables -A INPUT -p icmpv6 --icmpv6-type 1/x
ip6tables -A INPUT -p icmpv6 --icmpv6-type any
ip6tables -A INPUT -p icmpv6 --icmp-type 3
ip6tables -A INPUT -p icmp --icmpv6-type 3
ip6tables -A INPUT -m limit '!' --limit 1/s
ip6tables -N v6chain
ip6tables -N v6chain
ip6tables -P INPUT FOO
ip6tables -t foo -L
