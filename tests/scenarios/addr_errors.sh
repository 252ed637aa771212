# ip address usage errors and help
ip addr help
ip address frob
ip addr add 192.0.2.1/24
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/33 dev v0
ip addr add 192.0.2.300/24 dev v0
ip addr add dev v0
ip addr add 192.0.2.1/24 dev eth9
ip addr add 192.0.2.1/24 dev v0 frob
ip addr show frob
ip addr del 192.0.2.1/24 dev eth9
ip -6 addr add 192.0.2.1/24 dev v0
ip -4 addr add 2001:db8::1/64 dev v0
