# ARP keys the entries of lo as 0.0.0.0 (arp_constructor): neigh_add looks the address asked for up and finds nothing, ___neigh_create finds the 0.0.0.0 entry and __neigh_update changes it with override
ip neigh add 10.0.9.9 dev lo lladdr 02:00:00:aa:00:03 nud reachable
ip neigh show dev lo
ip neigh add 10.0.1.7 dev lo nud noarp
ip neigh show dev lo
ip neigh show dev lo nud all
ip neigh add 10.0.1.8 dev lo lladdr 02:00:00:aa:00:04
ip neigh show dev lo
ip neigh add 10.0.1.9 dev lo lladdr 02:00:00:aa:00:05 nud stale
ip neigh show dev lo
ip neigh add 0.0.0.0 dev lo lladdr 02:00:00:aa:00:06
ip neigh replace 10.0.1.8 dev lo lladdr 02:00:00:aa:00:07
ip neigh show dev lo
ip neigh del 10.0.1.8 dev lo
ip neigh get 10.0.1.8 dev lo
ip neigh del 0.0.0.0 dev lo
ip neigh show dev lo nud all
ip link set lo up
ip neigh add 10.0.1.10 dev lo lladdr 02:00:00:aa:00:08 nud reachable
ip neigh show dev lo
