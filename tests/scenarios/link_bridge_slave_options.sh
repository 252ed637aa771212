# bridge port options through ip link set DEV type bridge_slave
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link set v0 master br0
ip link set br0 up
ip link set v0 up
ip link set v1 up
bridge -d link show dev v0
ip link set v0 type bridge_slave cost 5 priority 10 hairpin on guard on root_block on fastleave on learning off flood off mcast_flood off bcast_flood off proxy_arp on proxy_arp_wifi on mcast_to_unicast on neigh_suppress on isolated on group_fwd_mask 0x4000 mcast_router 2
bridge -d link show dev v0
bridge link
ip link set v0 type bridge_slave cost 0
ip link set v0 type bridge_slave cost 65536
ip link set v0 type bridge_slave priority 64
ip link set v0 type bridge_slave priority 63
ip link set v0 type bridge_slave mcast_router 4
ip link set v0 type bridge_slave group_fwd_mask 2
ip link set v0 type bridge_slave group_fwd_mask 1
ip link set v0 type bridge_slave hairpin off learning on fdb_flush
bridge -d link show dev v0
ip link set v0 nomaster
ip link set v0 master br0
bridge -d link show dev v0
