# a bridge takes the smallest MTU of its ports until its own is set
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link add v2 address 02:00:00:00:00:0c type veth peer name v3 address 02:00:00:00:00:0d
ip link set v0 mtu 9000
ip link set v0 master br0
ip link show br0
ip link set v2 mtu 4000
ip link set v2 master br0
ip link show br0
ip link set v2 mtu 9000
ip link show br0
ip link set v2 mtu 1400
ip link show br0
ip link set v2 nomaster
ip link show br0
ip link del v0
ip link show br0
ip link set br0 mtu 2000
ip link set v2 master br0
ip link show br0
ip link set br0 type bridge mcast_snooping 0
ip link set br0 up
bridge fdb show dev br0
ip link set br0 type bridge mcast_snooping 1
bridge fdb show dev br0
