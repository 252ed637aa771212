# vxlan FDB entries through fdb next-hop groups (NDA_NH_ID): vxlan_fdb_parse, vxlan_fdb_nh_update's checks (fdb, a group, the device's family), vxlan_fdb_info
ip link add veth1 address 02:00:00:00:00:01 type veth peer name veth2 address 02:00:00:00:00:02
ip link set veth1 up
ip addr add 172.16.1.1/24 dev veth1
ip nexthop add id 12 via 172.16.1.2 fdb
ip nexthop add id 13 via 172.16.1.3 fdb
ip nexthop add id 102 group 12/13 fdb
ip nexthop add id 14 via 172.16.1.2 dev veth1
ip nexthop add id 104 group 14
ip nexthop add id 61 via fd00::2 fdb
ip nexthop add id 106 group 61 fdb
ip link add name vx10 address 02:00:00:00:00:10 type vxlan id 1010 local 10.0.0.1 remote 10.0.0.2 dstport 4789 nolearning noudpcsum tos inherit ttl 100
ip link add name vx6 address 02:00:00:00:00:06 type vxlan id 1011 local fd00::1 remote fd00::2 dstport 4789
bridge fdb add 02:02:00:00:00:13 dev vx10 nhid 102 self
bridge fdb add 02:02:00:00:00:14 dev vx10 nhid 12 self
bridge fdb add 02:02:00:00:00:14 dev vx10 nhid 104 self
bridge fdb add 02:02:00:00:00:14 dev vx10 nhid 14 self
bridge fdb add 02:02:00:00:00:14 dev vx10 nhid 999 self
bridge fdb add 02:02:00:00:00:14 dev vx10 nhid 106 self
bridge fdb add 02:02:00:00:00:14 dev vx6 nhid 102 self
bridge fdb add 02:02:00:00:00:14 dev vx6 nhid 106 self
bridge fdb add 02:02:00:00:00:15 dev vx10 nhid 102 self static
bridge fdb add 02:02:00:00:00:18 dev vx10 nhid 102 dst 10.0.0.3 self
bridge fdb add 00:00:00:00:00:00 dev vx10 nhid 102 self
bridge fdb show dev vx10
bridge fdb show dev vx6
bridge -j fdb show dev vx10
bridge fdb get to 02:02:00:00:00:13 dev vx10 self
bridge -j fdb get to 02:02:00:00:00:15 dev vx10 self
