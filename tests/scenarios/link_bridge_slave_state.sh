# a bridge port's STP state set through ip link set DEV type bridge_slave
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link set v0 master br0
ip link set br0 up
ip link set v0 up
ip link set v1 up
ip link set v0 type bridge_slave state 5
ip link set v0 type bridge_slave state 1
bridge link show dev v0
ip link set v0 type bridge_slave state 2
bridge link show dev v0
ip link set v0 type bridge_slave state 4
bridge link show dev v0
ip link set v0 type bridge_slave state 0
bridge link show dev v0
ip link set v1 down
ip link set v0 type bridge_slave state 3
ip link set v0 type bridge_slave state 0
bridge link show dev v0
ip link set v0 down
ip link set v0 type bridge_slave state 0
ip link set br0 type bridge stp_state 1
ip link set v0 up
ip link set v0 type bridge_slave state 3
