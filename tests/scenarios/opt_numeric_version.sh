# -N (numeric), -V and the top-level usage
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.2 proto static
ip -N route
ip -Numeric route show table all
ip -N rule
ip -V
ip -Version
ip help
ip
ip -frob
ip -h
