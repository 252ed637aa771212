# nft lists iptables' NAT targets as their xlate translates them: snat to, dnat to with a port, redirect to, masquerade to
ip netns add r
ip netns exec r iptables -t nat -A POSTROUTING -o lo -j SNAT --to-source 10.0.0.1
ip netns exec r iptables -t nat -A POSTROUTING -p tcp -o lo -j SNAT --to-source 10.0.0.1:1000
ip netns exec r iptables -t nat -A POSTROUTING -p udp -o lo -j MASQUERADE --to-ports 3000-3010
ip netns exec r iptables -t nat -A POSTROUTING -o lo -j MASQUERADE
ip netns exec r iptables -t nat -A PREROUTING -p tcp --dport 2222 -j DNAT --to-destination 192.168.1.2
ip netns exec r iptables -t nat -A PREROUTING -p tcp --dport 2223 -j DNAT --to-destination 192.168.1.2:80
ip netns exec r iptables -t nat -A OUTPUT -p tcp --dport 2225 -j REDIRECT --to-ports 8080
ip netns exec r iptables -t nat -A OUTPUT -p tcp --dport 2227 -j REDIRECT
ip netns exec r nft list ruleset
ip netns exec r nft list chain ip nat PREROUTING
