# A NAT port map after a set of protocols (each one fixes the transport
# header, as relational_expr_pctx_update does); after != none does
nft add table ip n
nft add chain ip n out '{ type nat hook output priority 0; }'
nft add rule ip n out ip daddr 10.0.1.1 meta l4proto '{ tcp, udp }' dnat ip to 10.0.2.2:80
nft add rule ip n out ip protocol '{ tcp, udp }' dnat ip to 10.0.2.2:80
nft add rule ip n out meta l4proto '{ tcp, icmp }' redirect to :8080
nft add rule ip n out meta l4proto '!=' '{ tcp, udp }' redirect to :8080
nft add rule ip n out meta l4proto '!=' tcp redirect to :8080
nft add rule ip n out ip protocol '!=' tcp redirect to :8080
nft list table ip n
