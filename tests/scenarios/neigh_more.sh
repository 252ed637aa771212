# ip neigh: states, router flag, proxy, show filters, JSON, errors
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 192.0.2.1/24 dev v0
ip neigh add 192.0.2.10 lladdr 02:00:00:00:00:10 dev v0
ip neigh show dev v0
ip neigh replace 192.0.2.10 lladdr 02:00:00:00:00:11 dev v0 nud reachable
ip neigh show dev v0 nud reachable
ip neigh change 192.0.2.10 lladdr 02:00:00:00:00:12 dev v0 nud noarp
ip -j neigh show dev v0
ip neigh add 192.0.2.10 lladdr 02:00:00:00:00:13 dev v0
ip neigh del 192.0.2.10 dev v0
ip -6 neigh add 2001:db8::10 lladdr 02:00:00:00:00:20 dev v0 router
ip -6 neigh show dev v0
ip neigh add proxy 192.0.2.50 dev v0
ip neigh show proxy
ip neigh del proxy 192.0.2.50 dev v0
ip neigh add 192.0.2.11 dev v0
ip neigh add 192.0.2.12 lladdr zz dev v0
ip neigh add 192.0.2.13 lladdr 02:00:00:00:00:13 dev nosuch
ip neigh flush dev v0
ip -6 neigh show dev v0
