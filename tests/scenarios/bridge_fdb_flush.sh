# bridge fdb flush: RTM_DELNEIGH with NLM_F_BULK, filtered by port, state and vlan (br_fdb_delete_bulk)
ip link add br0 type bridge
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link add v2 address 02:00:00:00:00:0c type veth peer name v3 address 02:00:00:00:00:0d
ip link set v0 master br0
ip link set v2 master br0
bridge fdb add 02:00:00:00:00:01 dev v0 master static
bridge fdb add 02:00:00:00:00:02 dev v0 master
bridge fdb add 02:00:00:00:00:03 dev v2 master static
bridge fdb add 02:00:00:00:00:04 dev v2 master permanent
bridge fdb add 02:00:00:00:00:05 dev br0 self local
bridge fdb show br br0 | grep -v self
bridge fdb flush dev v0 master vlan 1
bridge fdb show br br0 | grep -v self
bridge fdb flush dev v0 master static
bridge fdb show br br0 | grep -v self
bridge fdb flush dev br0 brport v2 nopermanent
bridge fdb show br br0 | grep -v self
bridge fdb flush dev br0 nostatic
bridge fdb show br br0 | grep -v self
bridge fdb flush dev br0 brport br0 permanent
bridge fdb show br br0 | grep -v self
bridge fdb flush dev br0 self dynamic
bridge fdb flush dev v0
bridge fdb flush dev v0 self master
bridge fdb flush dev br0 master
bridge fdb flush dev v1 master
bridge fdb flush dev lo self
