# bridge link set: port settings sent nested in IFLA_PROTINFO (br_setlink -> br_setport), shown back by bridge link and ip -d link
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link add v2 address 02:00:00:00:00:0c type veth peer name v3 address 02:00:00:00:00:0d
ip link set v0 master br0
ip link set v2 master br0
bridge link set dev v0 cost 10 priority 5 guard on hairpin on learning off flood off
bridge link show
bridge -d link show dev v0
bridge link set dev v0 cost 0
bridge link set dev v0 priority 63 cost 65535
bridge link set dev v0 mcast_router 2 isolated on neigh_suppress on vlan_tunnel on mcast_to_unicast on
bridge link set dev v0 bcast_flood off mcast_flood off
bridge link set dev v0 master learning on
bridge -d link show dev v0
bridge link change dev v2 fastleave on root_block on
bridge -d -j -p link show dev v2
ip -d link show v0
ip link set v0 up
ip link set v1 up
ip link set br0 up
bridge link set dev v0 state 4
bridge link show dev v0
bridge link set dev v0 state listening
bridge link show dev v0
