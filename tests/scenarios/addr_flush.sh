# ip address flush with selectors
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev v0
ip addr add 192.0.2.2/24 dev v0
ip addr add 198.51.100.1/24 dev v0 label v0:x
ip addr add 203.0.113.1/24 dev v1
ip addr add 2001:db8::1/64 dev v0 nodad
ip addr flush
ip addr flush dev v0 label v0:x
ip addr show dev v0
ip -4 addr flush dev v0
ip addr show dev v0
ip addr flush dev v0
ip addr flush to 203.0.113.0/24
ip addr
ip addr flush dev eth9
