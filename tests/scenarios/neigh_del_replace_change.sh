# ip neigh del, replace and change, and their errors
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip neigh add 192.0.2.2 lladdr 02:00:00:00:00:aa dev v0
ip neigh replace 192.0.2.2 lladdr 02:00:00:00:00:bb dev v0 nud stale
ip neigh show dev v0
ip neigh change 192.0.2.2 lladdr 02:00:00:00:00:cc dev v0
ip neigh show dev v0
ip neigh change 192.0.2.9 lladdr 02:00:00:00:00:cc dev v0
ip neigh replace 192.0.2.9 lladdr 02:00:00:00:00:dd dev v0 nud permanent
ip neigh del 192.0.2.2 dev v0
ip neigh del 192.0.2.2 dev v0
ip neigh show dev v0
ip neigh delete 192.0.2.9 dev v0
ip neigh show dev v0
ip neigh add 192.0.2.5 lladdr 02:00:00:00:00:ee
ip neigh add 192.0.2.5 lladdr 02:00:00:00:00:ee dev eth9
ip neigh add 192.0.2.5 lladdr zz dev v0
ip neigh add 192.0.2.5 lladdr 02:00:00:00:00:ee dev v0 nud frob
