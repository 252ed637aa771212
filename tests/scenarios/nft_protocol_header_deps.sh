# nft: ip protocol and ip6 nexthdr fix the transport header for the matches after them; ports out of range
nft add table inet f
nft add chain inet f c
nft add rule inet f c tcp dport 99999 accept
nft add rule inet f c ip6 nexthdr ipv6-icmp tcp dport 22
nft add rule inet f c ip protocol tcp tcp dport 22
nft add rule inet f c ip protocol icmp icmp type echo-request
nft add rule inet f c ip protocol udp udp dport 53 accept
nft add rule inet f c ip6 nexthdr tcp tcp sport 80 drop
nft list ruleset
