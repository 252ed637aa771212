# -br and -o across objects
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev v0
ip addr add 2001:db8::1/64 dev v0 nodad
ip -br addr
ip -br -6 addr
ip -br link show lo
ip -o addr
ip -o -4 addr show dev v0
ip -o link show lo
ip -o route show table local
ip -br route
ip -o -br addr
