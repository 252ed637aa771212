# changes to vxlan FDB entries through fdb next-hop groups: vxlan_fdb_update_existing (replace, append, state, which a refused replace leaves changed), and the entries flushed with their group (nexthop.c __remove_nexthop_fdb, without a notification)
ip nexthop add id 12 via 172.16.1.2 fdb
ip nexthop add id 13 via 172.16.1.3 fdb
ip nexthop add id 102 group 12/13 fdb
ip nexthop add id 103 group 13 fdb
ip link add name vx10 address 02:00:00:00:00:10 type vxlan id 1010 local 10.0.0.1 remote 10.0.0.2 dstport 4789
bridge fdb add 02:02:00:00:00:13 dev vx10 nhid 102 self
bridge fdb add 02:02:00:00:00:16 dev vx10 nhid 102 self dynamic
bridge fdb add 02:02:00:00:00:17 dev vx10 nhid 102 self
bridge fdb replace 02:02:00:00:00:17 dev vx10 dst 10.0.0.3 self dynamic
bridge fdb append 02:02:00:00:00:17 dev vx10 dst 10.0.0.3 self dynamic
bridge fdb add 02:02:00:00:00:19 dev vx10 dst 10.0.0.5 self
bridge fdb replace 02:02:00:00:00:19 dev vx10 nhid 102 self
bridge fdb add 02:02:00:00:00:13 dev vx10 nhid 102 self
bridge fdb append 02:02:00:00:00:13 dev vx10 nhid 102 self
bridge fdb replace 00:00:00:00:00:00 dev vx10 nhid 102 self
bridge fdb replace 00:00:00:00:00:00 dev vx10 dst 10.0.0.2 self static
bridge fdb replace 02:02:00:00:00:16 dev vx10 nhid 103 self
bridge fdb show dev vx10
ip nexthop del id 12
bridge fdb show dev vx10
bridge fdb get to 02:02:00:00:00:13 dev vx10 self
bridge fdb del 02:02:00:00:00:17 dev vx10 self
bridge fdb del 02:02:00:00:00:17 dev vx10 self
ip nexthop del id 102
bridge fdb show dev vx10
bridge fdb get to 02:02:00:00:00:13 dev vx10 self
ip nexthop del id 13
bridge fdb show
ip nexthop
