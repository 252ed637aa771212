# noprefixroute, metric and proto on addresses
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0 noprefixroute
ip addr add 198.51.100.1/24 dev v0 metric 50
ip addr add 203.0.113.1/24 dev v0 proto 99
ip addr add 10.0.0.1/8 dev v0 proto static metric 7
ip -4 addr show dev v0
ip route
ip -4 route show table local
ip addr add 2001:db8::1/64 dev v0 nodad metric 300
ip addr add 2001:db8:1::1/64 dev v0 nodad noprefixroute
ip -6 route
ip -6 addr show dev v0
