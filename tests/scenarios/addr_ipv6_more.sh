# IPv6 addresses: nodad, noprefixroute, home, mngtmpaddr, scopes, peer, flush, JSON
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip -6 addr add 2001:db8:1::1/64 dev v0 nodad noprefixroute
ip -6 addr add 2001:db8:2::1/64 dev v0 nodad home
ip -6 addr add 2001:db8:3::1/64 dev v0 nodad mngtmpaddr
ip -6 addr add fd00::1/8 dev v0 nodad
ip -6 addr add 2001:db8:4::1 peer 2001:db8:4::2 dev v0 nodad
ip -6 addr show dev v0
ip -6 route show table all dev v0
ip -j -6 addr show dev v0
ip -6 addr add 2001:db8::1/64 dev v0
ip -6 addr del 2001:db8::1/64 dev v0
ip -6 addr del 2001:db8::1/64 dev v0
ip -6 addr flush dev v0 scope global
ip -6 addr show dev v0
ip -br -6 addr
