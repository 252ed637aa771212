# ip address replace and change
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr replace 192.0.2.1/24 dev v0
ip addr replace 192.0.2.1/24 dev v0 label v0:new
ip addr show dev v0
ip addr change 192.0.2.1/24 dev v0 valid_lft forever preferred_lft forever
ip addr change 198.51.100.1/24 dev v0
ip addr show dev v0
ip addr replace 192.0.2.1/24 dev v0 brd 192.0.2.127
ip addr show dev v0
ip addr replace 2001:db8::1/64 dev v0 nodad
ip addr change 2001:db8::1/64 dev v0 nodad preferred_lft 0
ip addr show dev v0
