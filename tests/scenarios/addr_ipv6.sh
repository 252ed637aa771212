# IPv6 addresses: nodad, DAD, link-local, deletion
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 2001:db8::1/64 dev v0
ip addr add 2001:db8:1::1/64 dev v0 nodad
ip -6 addr show dev v0
ip link set v0 up
ip -6 addr show dev v0
ip link set v1 up
ip -6 addr show dev v0
ip -6 addr show dev v1
ip -6 route
ip -6 route show table local
ip addr add 2001:db8::1/64 dev v0
ip addr del 2001:db8::1/64 dev v0
ip addr del 2001:db8::1/64 dev v0
ip addr add 2001:db8::/129 dev v0
ip -6 addr show dev v0
