# tcp reset after a header match of another protocol marks the match
# (icmp type, udp dport); an inet table names every reject but icmpx
# port-unreachable (nft.py seeds 53, 54)
nft add table ip nat
nft add chain ip nat in '{ type filter hook input priority 0; }'
nft 'add rule ip nat in oifname v2 icmp type time-exceeded reject with tcp reset; add rule ip nat in accept'
nft add rule ip nat in udp dport 53 reject with tcp reset
nft add rule ip nat in udp dport 53 counter reject with tcp reset
nft add rule ip nat in meta l4proto udp reject with tcp reset
nft add table inet filter
nft add chain inet filter forward '{ type filter hook forward priority 0; }'
nft add rule inet filter forward ip protocol icmp ip daddr 10.0.1.2 reject with icmp port-unreachable
nft add rule inet filter forward reject with icmpv6 port-unreachable
nft add rule inet filter forward reject with icmpx port-unreachable
nft add rule inet filter forward reject with icmp host-unreachable
nft add rule inet filter forward reject
nft list ruleset
