# arp_constructor types an entry with inet_addr_type_dev_table: broadcast only while no local table exists; once made, the table stays when a deleted device takes its routes, so a NOARP entry without an address is then refused
ip link add va1 address 02:00:00:00:00:01 type veth peer name vb1 address 02:00:00:00:00:02
ip neigh replace 10.0.1.6 dev vb1 nud noarp
ip neigh show nud all
ip addr add 172.16.0.254/24 dev va1
ip neigh replace 10.0.1.7 dev vb1 nud noarp
ip link del vb1
ip route show table all
ip link add va5 address 02:00:00:00:00:07 type veth peer name vb5 address 02:00:00:00:00:08
ip neigh replace 10.0.1.7 dev vb5 nud noarp
