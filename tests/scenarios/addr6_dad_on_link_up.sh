# DAD runs when the link becomes ready: an address another station on the
# link already has fails then (a bridge carries the probe too)
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link add br0 address 02:00:00:00:00:05 type bridge
ip addr add 2001:db8::1/64 dev v0 nodad
ip addr add 2001:db8::1/64 dev v1
ip addr add 2001:db8::2/64 dev v1
ip link set v0 up
ip link set v1 up
ip -6 addr show dev v1
ip link set v2 master br0
ip link set v3 up
ip link set v2 up
ip link set br0 up
ip addr add 2001:db8:5::7/64 dev br0 nodad
ip addr add 2001:db8:5::7/64 dev v3
ip addr add 2001:db8:5::8/64 dev v3
ip -6 addr show dev v3
ip -6 route show table local
