# nft add chain on an existing chain: the policy may change, another hook, priority or type may not, a regular chain takes no hook
nft add table inet filter
nft add chain inet filter prerouting '{ type filter hook prerouting priority 0; }'
nft add chain inet filter prerouting '{ type filter hook prerouting priority -10; policy accept; }'
nft add chain inet filter prerouting '{ type filter hook prerouting priority 0; policy drop; }'
nft add chain inet filter prerouting '{ type filter hook input priority 0; }'
nft add chain inet filter prerouting '{ type nat hook prerouting priority 0; }'
nft add chain inet filter prerouting
nft add chain inet filter r
nft add chain inet filter r '{ type filter hook input priority 0; }'
nft create chain inet filter r
nft list ruleset
