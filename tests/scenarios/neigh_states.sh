# neighbour states and flags that need no traffic: permanent, noarp, reachable, stale, probe, delay, failed, incomplete, none
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip neigh add 192.0.2.1 lladdr 02:00:00:00:00:11 dev v0 nud permanent
ip neigh show dev v0
ip neigh replace 192.0.2.1 lladdr 02:00:00:00:00:11 dev v0 nud noarp
ip neigh show dev v0
ip neigh replace 192.0.2.1 lladdr 02:00:00:00:00:11 dev v0 nud stale
ip neigh show dev v0
ip neigh replace 192.0.2.1 lladdr 02:00:00:00:00:11 dev v0 nud probe
ip neigh show dev v0
ip neigh replace 192.0.2.1 dev v0 nud failed
ip neigh show dev v0
ip neigh replace 192.0.2.1 dev v0 nud incomplete
ip neigh show dev v0
ip neigh replace 192.0.2.1 dev v0 nud none
ip neigh show dev v0
ip neigh show dev v0 nud all
ip neigh del 192.0.2.1 dev v0
ip neigh show dev v0 nud all
ip neigh replace 192.0.2.1 lladdr 02:00:00:00:00:11 dev v0 nud frob
