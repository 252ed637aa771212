# nft NAT statements: dnat with a port, snat, redirect, masquerade, listed back
nft add table ip nat
nft add chain ip nat pre '{ type nat hook prerouting priority -100; }'
nft add chain ip nat post '{ type nat hook postrouting priority 100; }'
nft add rule ip nat pre tcp dport 80 dnat to 10.0.0.2:8080
nft add rule ip nat pre udp dport 53 redirect to :5353
nft add rule ip nat post ip saddr 10.0.0.0/24 snat to 192.168.1.1
nft add rule ip nat post oifname v0 masquerade
nft list ruleset
nft list chains
nft -a list chain ip nat post
nft flush chain ip nat pre
nft list table ip nat
nft flush table ip nat
nft list ruleset
