# ip address flush: by scope, label, prefix, permanent, -4/-6, whole link, and the messages it prints
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev v0
ip addr add 192.0.2.2/24 dev v0
ip addr add 198.51.100.1/24 dev v0 label v0:x
ip addr add 10.0.0.1/8 dev v0 scope link
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip addr flush dev v0 scope link
ip addr show dev v0
ip addr flush dev v0 label v0:x
ip addr show dev v0
ip addr flush to 192.0.2.2/32
ip addr show dev v0
ip -4 addr flush dev v0
ip addr show dev v0
ip addr flush dev v0
ip addr show dev v0
ip addr flush dev nosuch
ip addr flush
