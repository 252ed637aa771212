# -o, -N and -4/-6 on addresses, routes, neighbours and rules
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 192.0.2.1/24 dev v0
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip route add 10.0.0.0/8 via 192.0.2.254 proto static table 100
ip neigh add 192.0.2.5 lladdr 02:00:00:00:00:05 dev v0
ip rule add from 192.0.2.0/24 table 100
ip -o addr show dev v0
ip -o -6 addr show dev v0
ip -o route show table 100
ip -N route show table 100
ip -N -o rule
ip -o neigh show dev v0
ip -o link show v0
ip -N link show v0
ip -4 -o addr
ip -6 -o route show table local dev v0
ip -N -j route show table 100
