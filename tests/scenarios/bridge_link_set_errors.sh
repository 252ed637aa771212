# bridge link set refused: out-of-range cost, priority, state and multicast router type, ports that are not a bridge's, and the program's own errors
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b
ip link set v0 master br0
bridge link set dev v0 cost 70000
bridge link set dev v0 priority 64
bridge link set dev v0 guard maybe
bridge link set cost 5
bridge link set dev nope cost 5
bridge link set dev v1 cost 5
bridge link set dev br0 cost 5
bridge link set dev br0 self cost 5
bridge link set dev v0 self cost 5
bridge link set dev v0 state 3
bridge link set dev v0 state forwarding
bridge link set dev v0 state bogus
bridge link set dev v0 state 9
bridge link set dev v0 mcast_router 7
bridge link set dev v0 locked on
bridge link set dev v0 hwmode vepa
bridge link set dev v0 hwmode foo
bridge link set dev v0 frob
bridge link set dev v0 cost
bridge link show
ip link set br0 type bridge stp_state 1
ip link set v0 up
bridge link set dev v0 state 3
bridge link show
