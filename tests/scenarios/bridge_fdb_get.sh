# bridge fdb get: one entry, asked of a port's bridge, of the bridge, or of a VXLAN device itself (rtnl_fdb_get), and the errors on the way
ip link add vxlan10 type vxlan id 10 local 10.0.2.2 dstport 4789
ip link add name br0 address 02:00:00:00:00:10 type bridge
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set dev vxlan10 master br0
ip link set dev v0 master br0
bridge fdb add de:ad:be:ef:13:37 dev vxlan10 master static
bridge fdb add de:ad:be:ef:13:37 dev vxlan10 dst 10.0.2.3 self
bridge fdb get de:ad:be:ef:13:37 brport vxlan10
bridge fdb get de:ad:be:ef:13:37 br br0
bridge fdb get de:ad:be:ef:13:37 dev vxlan10 self
bridge fdb get 02:00:00:00:00:01 br br0
bridge fdb get 02:00:00:00:00:10 br br0
bridge fdb get de:ad:be:ef:13:38 br br0
bridge fdb get de:ad:be:ef:13:38 dev vxlan10 self
bridge fdb get de:ad:be:ef:13:37 dev v1 self
bridge fdb get de:ad:be:ef:13:37 brport v1
bridge fdb get de:ad:be:ef:13:37 br v1
bridge fdb get de:ad:be:ef:13:37 br br0 vlan 5
