# nft list ruleset after iptables rules with conntrack, icmp and REJECT
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -p icmp --icmp-type echo-request -j REJECT
iptables -A OUTPUT -o lo -j ACCEPT
nft list ruleset
nft list chain ip filter OUTPUT
