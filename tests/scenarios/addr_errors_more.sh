# address errors: bad prefixes, missing devices, duplicate and invalid options
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/33 dev v0
ip addr add 192.0.2.1/24 dev nosuch
ip addr add 192.0.2.1/24
ip addr add 192.0.2.1/24 dev v0 scope frob
ip addr add 192.0.2.1/24 dev v0 label x0
ip addr add 192.0.2.1/24 dev v0 label v0:verylonglabelname
ip addr add 2001:db8::1/129 dev v0
ip addr add 192.0.2.1/24 dev v0 broadcast 1.2.3
ip addr add 192.0.2.1/24 dev v0 peer 192.0.2.2
ip addr show dev v0
ip addr del 192.0.2.9/24 dev v0
ip addr del dev v0
ip addr flush
ip addr change 198.51.100.1/24 dev v0
ip addr replace 192.0.2.1/24 dev v0 preferred_lft 30 valid_lft 20
