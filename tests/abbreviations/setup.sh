# The world the abbreviation pairs run in.
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip link set lo up
ip addr add 192.0.2.1/24 dev v0
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip route add 10.0.0.0/8 via 192.0.2.254
ip neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev v0
ip rule add from 192.0.2.0/24 table 100
ip netns add blue
