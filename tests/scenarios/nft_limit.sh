# nft limit: rates, burst and over accepted and listed as nft prints them; a token bucket lets the burst through
ip link set lo up
nft add table inet f
nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
nft add rule inet f input limit rate 10/second
nft add rule inet f input limit rate 5/hour burst 2 packets
nft add rule inet f input limit rate over 3/minute drop
nft add rule inet f input limit rate 1/day
nft add rule inet f input limit rate 3/fortnight
nft add rule inet f input limit rate
nft list ruleset
nft flush chain inet f input
nft add rule inet f input icmp type echo-request limit rate 3/minute counter accept
nft add rule inet f input icmp type echo-request counter drop
ping -c 7 -i 0.2 -W 1 127.0.0.1
nft list ruleset
nft flush chain inet f input
nft add rule inet f input icmp type echo-request limit rate over 1/minute burst 2 packets counter drop
ping -c 4 -i 0.2 -W 1 127.0.0.1
nft list ruleset
