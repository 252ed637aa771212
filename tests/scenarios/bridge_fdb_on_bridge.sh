# bridge fdb add/del/replace on the bridge device itself: local entries without a port
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link set v0 master br0
bridge fdb add 02:00:00:00:00:77 dev br0
bridge fdb add 02:00:00:00:00:77 dev br0
bridge fdb replace 02:00:00:00:00:77 dev br0
bridge fdb add 02:00:00:00:00:78 dev br0 self
bridge fdb add 02:00:00:00:00:79 dev br0 master
bridge fdb add 02:00:00:00:00:7a dev br0 static
bridge fdb add 02:00:00:00:00:7b dev br0 dynamic
bridge fdb add 02:00:00:00:00:7c dev br0 vlan 3
bridge fdb add 01:00:5e:00:00:09 dev br0
bridge fdb add 02:00:00:00:00:0a dev br0
bridge fdb add 02:00:00:00:00:01 dev br0
bridge fdb show
bridge -j fdb show dev br0
bridge fdb show br br0
bridge fdb del 02:00:00:00:00:78 dev br0
bridge fdb del 02:00:00:00:00:78 dev br0
bridge fdb del 02:00:00:00:00:7a dev br0 master
bridge fdb show dev br0
bridge fdb add 02:00:00:00:00:7d dev v0 master
bridge fdb add 02:00:00:00:00:7d dev br0
bridge fdb replace 02:00:00:00:00:7d dev br0
bridge fdb show
ip link del br0
bridge fdb show
