# -j and -j -p output of addresses
ip -j addr
ip link set lo up
ip -j addr
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev v0 label v0:a
ip addr add 2001:db8::1/64 dev v0 nodad
ip -j -p addr show dev v0
ip -j -4 addr show
ip -j -br addr
ip -j addr show dev eth9
