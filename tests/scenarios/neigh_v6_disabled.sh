# an IPv6 neighbour on a device whose IPv6 is disabled (ndisc_allow_add)
ip link add va1 address 02:00:00:00:00:01 type veth peer name vb1 address 02:00:00:00:00:02
sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip neigh add fe80::7 dev va1
ip neigh add 2001:db8::7 dev va1 lladdr 02:00:00:aa:00:01
ip neigh replace 2001:db8::7 dev va1 lladdr 02:00:00:aa:00:01
ip neigh add 10.0.0.7 dev va1 lladdr 02:00:00:aa:00:01
ip neigh show dev va1
sysctl -w net.ipv6.conf.all.disable_ipv6=0
ip neigh add 2001:db8::7 dev va1 lladdr 02:00:00:aa:00:01
ip -6 neigh show dev va1
