# Deleting an element an interval set lacks: nft's own "element does not
# exist" under it (from its cache); other sets leave it to the kernel
nft add table ip t
nft add set ip t a '{ type ipv4_addr; }'
nft add set ip t b '{ type ipv4_addr; flags interval; }'
nft add element ip t a '{ 10.0.0.1 }'
nft add element ip t b '{ 10.0.0.1, 10.0.1.0/24 }'
nft delete element ip t a '{ 10.0.0.2 }'
nft delete element ip t b '{ 10.0.0.2 }'
nft delete element ip t b '{ 10.0.2.1, 10.0.1.0/24 }'
nft delete element ip t b '{ 10.0.1.0/25 }'
nft delete element ip t b '{ 10.0.1.0/24 }'
nft list set ip t b
nft delete element ip t b '{ 10.0.0.1 }'
nft list set ip t b
