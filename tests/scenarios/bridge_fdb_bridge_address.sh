# The bridge's own fdb entry: one entry per address, so the bridge shows none while a port holds the address it took
ip link add br0 type bridge
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link add v2 address 02:00:00:00:00:05 type veth peer name v3 address 02:00:00:00:00:06
ip link set v0 master br0
bridge fdb show br br0 | grep -v self
ip link set v2 master br0
bridge fdb show br br0 | grep -v self
bridge -j fdb show br br0 | grep -c 02:00:00:00:00:05
ip link set v2 nomaster
bridge fdb show br br0 | grep -v self
ip link set br0 address 02:00:00:00:00:0a
bridge fdb show br br0 | grep -v self
ip link set v0 nomaster
bridge fdb show br br0 | grep -v self
ip link set br0 address 02:00:00:00:00:99
bridge fdb show br br0 | grep -v self
