# bridge fdb flush: what fdb.c refuses before sending, and what br_fdb_delete_bulk refuses
ip link add br0 type bridge
ip link add br1 type bridge
ip link add v0 type veth peer name v1
ip link add v2 type veth peer name v3
ip link set v0 master br0
ip link set v2 master br1
bridge fdb flush
bridge fdb flush dev
bridge fdb flush dev nope
bridge fdb flush dev br0 brport nope
bridge fdb flush dev br0 brport
bridge fdb flush dev br0 vlan 4096
bridge fdb flush dev br0 vlan 70000
bridge fdb flush dev br0 vlan 1 vlan 2
bridge fdb flush dev br0 brport v0 brport v0
bridge fdb flush dev br0 vlan 0
bridge fdb flush dev br0 vlan 4095
bridge fdb flush dev br0 vlan abc
bridge fdb flush dev br0 vlan -5
bridge fdb flush dev br0 brport br1
bridge fdb flush dev br0 brport v2
bridge fdb flush dev br0 brport v1
bridge fdb flush dev v0 master brport br0 sticky
bridge fdb flush dev br0 foo bar
bridge fdb flush dev br0 help
