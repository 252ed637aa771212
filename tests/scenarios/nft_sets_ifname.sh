# nft sets of interface names: iifname { "lo", "veth0" }, oifname != { ... }, meta iifname, a verdict map
nft add table inet f
nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
nft add rule inet f input iifname '{ "lo", "veth0" }' accept
nft add rule inet f input oifname '!=' '{ "eth0", "eth1" }' drop
nft add rule inet f input meta iifname '{ "lo", "veth1" }' accept
nft add rule inet f input iifname vmap '{ "lo" : accept, "veth0" : drop }'
nft -a list ruleset
nft flush ruleset
