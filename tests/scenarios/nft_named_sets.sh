# nft named sets and maps: add/list/delete sets and elements, @name lookups, flags interval, EBUSY for a set in use, errors
nft add table inet f
nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
nft add set inet f blk '{ type ipv4_addr; }'
nft add set inet f nets '{ type ipv4_addr; flags interval; }'
nft add set inet f ports '{ type inet_service; }'
nft add map inet f vm '{ type inet_service : verdict; }'
nft add element inet f blk '{ 10.0.0.1, 10.0.0.3 }'
nft add element inet f nets '{ 10.0.0.0/8, 192.168.1.1-192.168.1.9 }'
nft add element inet f vm '{ 22 : accept }'
nft add rule inet f input ip saddr @blk drop
nft add rule inet f input tcp dport vmap @vm
nft list ruleset
nft -a list ruleset
nft list sets
nft list set inet f blk
nft list maps
nft delete element inet f blk '{ 10.0.0.1 }'
nft delete element inet f blk '{ 10.0.0.1 }'
nft add element inet f blk '{ 10.0.0.1/24 }'
nft delete set inet f blk
nft delete set inet f ports
nft list set inet f ports
nft add set inet f x '{ type foo; }'
nft list ruleset
