# an element the kernel refuses: the caret under that element (its extended
# ack points at the nested element) in a set without intervals (nft.py seed 51)
nft add table ip6 filter
nft add set ip6 filter blocked '{ type ipv4_addr; }'
nft delete element ip6 filter blocked '{ 10.0.1.2, 10.0.2.1 }'
nft add element ip6 filter blocked '{ 10.0.2.1 }'
nft delete element ip6 filter blocked '{ 10.0.2.1, 10.0.1.2 }'
nft add set ip6 filter b2 '{ type ipv4_addr; flags interval; }'
nft add element ip6 filter b2 '{ 10.0.2.1 }'
nft delete element ip6 filter b2 '{ 10.0.2.1, 10.0.1.2 }'
nft delete element ip6 filter b2 '{ 10.0.1.2, 10.0.2.1 }'
nft list ruleset
