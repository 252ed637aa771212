# what link down and up do to addresses and routes (IPv4 kept, IPv6 dropped, routes flushed)
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip route add 10.0.0.0/8 via 192.0.2.254
ip -6 route add 2001:db8:1::/48 via 2001:db8::2
ip link set v0 down
ip addr show dev v0
ip route
ip -6 route
ip route show table local
ip link set v0 up
ip addr show dev v0
ip route
ip -6 route show dev v0
ip link set v1 down
ip route
ip -6 route show dev v0
ip link set v1 up
ip route
