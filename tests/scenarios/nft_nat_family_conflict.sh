# nft: a NAT statement's ip/ip6 against the network protocol an earlier match fixed
nft add table inet nat
nft add chain inet nat pre '{ type nat hook prerouting priority -100; }'
nft add rule inet nat pre ct state established,related ip protocol icmp dnat ip6 to fd02::2
nft add rule inet nat pre ip6 saddr fd00::1 dnat ip to 10.0.0.1
nft add rule inet nat pre ip saddr 10.0.0.1 tcp dport 80 dnat ip6 to fd02::2
nft add rule inet nat pre ip protocol icmp dnat ip to 10.0.0.1
nft add rule inet nat pre ip protocol icmp dnat to 10.0.0.1
nft add table ip n
nft add chain ip n pre '{ type nat hook prerouting priority -100; }'
nft add rule ip n pre dnat ip6 to fd02::2
nft list ruleset
