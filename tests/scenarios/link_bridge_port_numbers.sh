# bridge ports take the lowest free port number when they join
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link add v2 address 02:00:00:00:00:0c type veth peer name v3 address 02:00:00:00:00:0d
ip link set v2 master br0
ip link set v0 master br0
ip link set v3 master br0
ip link set v2 nomaster
ip link set v1 master br0
ip -d link show v0
ip -d link show v1
ip -d link show v3
