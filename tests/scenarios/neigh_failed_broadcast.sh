# Unresolved neighbours on an address that becomes a broadcast address go (arp_invalidate); valid ones stay
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip neigh add 192.0.2.111 lladdr 00:11:22:33:44:55 nud failed dev v0
ip neigh get 192.0.2.111 dev v0
ip neigh add 192.0.2.255 lladdr 00:11:22:33:44:55 nud failed dev v0
ip neigh get 192.0.2.255 dev v0
ip neigh add 198.51.100.255 lladdr 00:11:22:33:44:66 nud permanent dev v0
ip neigh add 198.51.100.7 lladdr 00:11:22:33:44:77 nud failed dev v0
ip address add 192.0.2.1/24 broadcast 192.0.2.111 dev v0
ip neigh get 192.0.2.111 dev v0
ip neigh get 192.0.2.255 dev v0
ip address add 198.51.100.1/24 broadcast 198.51.100.7 dev v0
ip neigh get 198.51.100.255 dev v0
ip neigh get 198.51.100.7 dev v0
