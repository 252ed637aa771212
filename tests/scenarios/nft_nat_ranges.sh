# nft NAT statements with address and port ranges and flags (random,
# fully-random, persistent), in ip, ip6 and inet tables
nft add table ip nat
nft 'add chain ip nat po { type nat hook postrouting priority srcnat; }'
nft 'add chain ip nat pr { type nat hook prerouting priority dstnat; }'
nft add rule ip nat po ip saddr 192.168.1.0/24 snat to 203.0.113.1-203.0.113.10
nft add rule ip nat pr tcp dport 9000 dnat to 192.168.1.10-192.168.1.20:8000-8010
nft add rule ip nat pr tcp dport 9001 dnat to 192.168.1.10:8000-8010
nft add rule ip nat pr tcp dport 9002 dnat ip to 192.168.1.10:8000 persistent
nft add rule ip nat po masquerade random,persistent
nft add rule ip nat po masquerade fully-random
nft add rule ip nat po masquerade to :1024-65535
nft add rule ip nat po tcp dport 1 masquerade to :1024-65535 fully-random
nft add rule ip nat pr tcp dport 1 redirect to :1024-2000 random
nft add rule ip nat pr udp dport 2 redirect to :53
nft add rule ip nat pr redirect to :53-54
nft add rule ip nat po snat to 10.0.0.1 persistent
nft add rule ip nat po snat to 10.0.0.1-10.0.0.3 random,fully-random,persistent
nft add rule ip nat po ip protocol udp snat to 10.0.0.1-10.0.0.3:100-200
nft -a list table ip nat
nft add table inet n
nft 'add chain inet n po { type nat hook postrouting priority srcnat; }'
nft add rule inet n po meta l4proto tcp snat ip6 to '[fd00::1]-[fd00::5]:100-200'
nft add rule inet n po snat ip6 to fd00::1-fd00::5
nft add rule inet n po snat ip to 10.1.0.1-10.1.0.5
nft add rule inet n po tcp dport 80 dnat ip6 to '[fd00::1]:8080-8081'
nft list table inet n
nft add table ip v
