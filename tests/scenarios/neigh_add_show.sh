# neighbour entries: permanent, noarp, stale; shown by device and state
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 up
ip link set v2 up
ip neigh
ip neigh add 192.0.2.2 lladdr 02:00:00:00:00:aa dev v0
ip neigh add 192.0.2.3 lladdr 02:00:00:00:00:bb dev v2 nud noarp
ip neigh add 2001:db8::2 lladdr 02:00:00:00:00:cc dev v0 nud stale
ip neigh show dev v0
ip neigh show dev v2
ip neighbour show dev v2 nud noarp
ip neigh show nud permanent
ip -4 neigh show dev v0
ip -6 neigh show
ip neigh add 192.0.2.2 lladdr 02:00:00:00:00:dd dev v0
ip neigh show to 192.0.2.2
ip -j neigh show dev v0
ip -br neigh show dev v2
