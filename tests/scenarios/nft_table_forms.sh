# nft: tables of every family, list per family, delete by family, flush ruleset of a family
nft add table t
nft add table ip6 t
nft add table inet t
nft add table arp t
nft add table bridge t
nft add table netdev t
nft list tables
nft list tables ip6
nft list ruleset inet
nft delete table inet t
nft list tables
nft flush ruleset
nft list tables
