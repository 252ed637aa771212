# IPv6 neighbours, and neighbours removed with their link
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip -6 neigh add fe80::2 lladdr 02:00:00:00:00:02 dev v0
ip neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev v0 nud reachable
ip neigh add 198.51.100.2 lladdr 02:00:00:00:00:02 dev v1
ip neigh show dev v0
ip -6 neigh show dev v0
ip link set v0 down
ip neigh show dev v0
ip neigh add 192.0.2.3 lladdr 02:00:00:00:00:03 dev v0
ip neigh show dev v0
ip link del v0
ip neigh
