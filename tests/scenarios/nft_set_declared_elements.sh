# sets and maps declared with their elements (elements = { ... } in the
# declaration): NEWSET and NEWSETELEM in one batch
nft add table inet f
nft 'add set inet f s { type inet_service; elements = { 22, 80 } ; }'
nft 'add set inet f a { type ipv4_addr; flags interval; elements = { 10.0.0.0/8, 192.168.1.1 } ; }'
nft 'add set inet f p { type inet_proto; elements = { tcp, udp } ; }'
nft add set inet f b '{ type ipv4_addr; elements = { 192.0.2.1, 192.0.2.2 }; }'
nft add set inet f s '{ type inet_service; elements = { 443 }; }'
nft add set inet f c '{ type ipv4_addr; elements = { 10.0.0.0/8 }; }'
nft add map inet f m '{ type inet_service : verdict; elements = { 22 : accept, 23 : drop }; }'
nft 'add table ip t; add set ip t s { type ipv4_addr; elements = { 1.2.3.4 }; }; add chain ip t c; add rule ip t c ip saddr @s drop'
nft list ruleset
