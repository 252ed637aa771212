# lifetimes on a link without carrier: shown right after being set, change and replace
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev v0 valid_lft 100 preferred_lft 50
ip addr show dev v0
ip addr change 192.0.2.1/24 dev v0 valid_lft forever preferred_lft forever
ip addr show dev v0
ip addr add 192.0.2.2/24 dev v0 valid_lft 100 preferred_lft 200
ip addr add 192.0.2.3/24 dev v0 preferred_lft 0
ip addr show dev v0
ip -6 addr add 2001:db8::1/64 dev v0 nodad valid_lft 300 preferred_lft 0
ip -6 addr show dev v0
ip -6 addr change 2001:db8::1/64 dev v0 nodad valid_lft forever preferred_lft forever
ip -6 addr show dev v0
ip addr add 192.0.2.4/24 dev v0 valid_lft frob
