# ip neigh get and flush
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 up
ip link set v2 up
ip neigh add 192.0.2.2 lladdr 02:00:00:00:00:aa dev v0 nud stale
ip neigh add 198.51.100.2 lladdr 02:00:00:00:00:bb dev v2
ip neigh get 192.0.2.2 dev v0
ip neigh get 198.51.100.2 dev v2
ip neigh get 192.0.2.9 dev v0
ip neigh get 192.0.2.2
ip neigh flush
ip neigh flush dev v0
ip neigh show dev v0
ip neigh flush dev v2
ip neigh show dev v2
ip neigh flush dev v2 nud permanent
ip neigh show dev v2
ip neigh flush all
