# -R needs the chain in the kernel (nft_rule_replace): a built-in chain no rule has made yet is ENOENT, an empty one "too big"
iptables -R OUTPUT 1 -j ACCEPT
iptables -L OUTPUT
iptables -R OUTPUT 1 -j ACCEPT
ip6tables -A INPUT -j ACCEPT
ip6tables -R OUTPUT 1 -m state --state NEW -j ACCEPT
iptables -A OUTPUT -j DROP
iptables -R OUTPUT 2 -j ACCEPT
iptables -D OUTPUT 2
iptables -A INPUT -j ACCEPT
iptables -R OUTPUT 1 -j ACCEPT
iptables -N FOO
iptables -R FOO 1 -j DROP
iptables -S
