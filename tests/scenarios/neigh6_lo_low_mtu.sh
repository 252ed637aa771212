# IPv6 neighbours when the MTU drops under 1280: addrconf_ifdown's rt6_disable_ip flushes nd_tbl's entries of the device, on lo too (IPv4's stay until 68)
ip neigh add fe80::7 dev lo lladdr 02:00:00:aa:00:07
ip neigh add 10.0.9.9 dev lo lladdr 02:00:00:aa:00:09
ip link set lo mtu 1279
ip -6 neigh show dev lo
ip -4 neigh show dev lo
ip link set lo mtu 1500
ip neigh add fe80::8 dev lo lladdr 02:00:00:aa:00:08
ip link set lo mtu 68
ip -6 neigh show dev lo
ip neigh add fe80::9 dev lo lladdr 02:00:00:aa:00:09
ip -6 neigh show dev lo
ip -4 neigh show dev lo
ip link set lo mtu 67
ip -4 neigh show dev lo
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip neigh add fd00::7 dev v0 lladdr 02:00:00:aa:00:07
ip neigh add 10.0.9.7 dev v0 lladdr 02:00:00:aa:00:07
ip link set v0 mtu 1279
ip neigh show dev v0
