# proxy neighbour entries
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip neigh add proxy 192.0.2.10 dev v0
ip neigh show proxy
ip neigh add proxy 2001:db8::10 dev v0
ip -6 neigh show proxy
ip neigh show
ip neigh add proxy 192.0.2.10 dev v0
ip neigh del proxy 192.0.2.10 dev v0
ip neigh del proxy 192.0.2.10 dev v0
ip neigh show proxy
ip neigh add proxy 192.0.2.11
