# bridge vlan without bridge VLAN filtering: empty dumps, adds refused, deletes accepted, argument errors
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link set v0 master br0
bridge vlan show
bridge vlan
bridge -j vlan show
bridge -j -p vlan show
bridge -c vlan show dev v0
bridge vlan show vid 1
bridge vlan show dev nosuch
bridge vlan tunnelshow
bridge vlan add vid 5 dev v0
bridge vlan add vid 5 dev v0 pvid untagged master
bridge vlan add vid 5 dev br0 self
bridge vlan add vid 5 dev v1
bridge vlan add vid 0 dev v0
bridge vlan add vid 5-3 dev v0
bridge vlan add vid 3-5 dev v0 pvid
bridge vlan add vid 5000 dev v0
bridge vlan add vid 5
bridge vlan add vid 5 dev nosuch
bridge vlan del vid 1 dev v0
bridge vlan del vid 1 dev br0 self
bridge vlan del vid 1 dev v1
bridge -d vlan show
bridge vlan global show
bridge vlan help
ip link set br0 type bridge vlan_filtering 1
