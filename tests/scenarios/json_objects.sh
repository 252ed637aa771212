# -j and -j -p for links, addresses, routes, rules and neighbours
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 192.0.2.1/24 brd + dev v0 label v0:x
ip route add 10.0.0.0/8 via 192.0.2.254 metric 5 mtu 1400
ip route add blackhole 10.9.0.0/16
ip neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev v0 nud permanent
ip -j link show v0
ip -j -p addr show dev v0
ip -j route
ip -j -p route show table local dev v0
ip -j neigh show dev v0
ip -j -p rule
ip -j -br link show v0
ip -j -br addr show dev v0
ip -j link show nosuch
ip -j -s link show lo
