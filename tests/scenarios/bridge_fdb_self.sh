# bridge fdb add/del self: the device's own unicast and multicast lists
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link set v0 master br0
bridge fdb add 02:00:00:00:00:98 dev v1
bridge fdb add 02:00:00:00:00:99 dev v1 self
bridge fdb add 01:00:5e:00:00:05 dev v1
bridge fdb add 33:33:00:00:00:01 dev v1
bridge fdb add 02:00:00:00:00:98 dev v1
bridge fdb replace 02:00:00:00:00:98 dev v1
bridge fdb add 02:00:00:00:00:97 dev v0
bridge fdb add 02:00:00:00:00:96 dev v1 dynamic
bridge fdb add 02:00:00:00:00:95 dev v1 vlan 5
bridge fdb add 02:00:00:00:00:95 dev v0 master vlan 5
bridge fdb add 01:80:c2:00:00:0e dev v1
bridge fdb show
bridge -j fdb show dev v1
bridge fdb del 02:00:00:00:00:98 dev v1
bridge fdb del 01:00:5e:00:00:05 dev v1
bridge fdb del 02:00:00:00:00:97 dev v0
bridge fdb del 02:00:00:00:00:97 dev v0 self
bridge fdb del 02:00:00:00:00:99 dev v1 master
bridge fdb show dev v1
