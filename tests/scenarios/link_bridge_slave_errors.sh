# port options need a bridge master; multicast protocol versions are checked
ip link add br0 type bridge
ip link add v0 type veth peer name v1
ip link set v0 type bridge_slave
ip link set v0 type bridge_slave cost 5
ip link set v0 type bridge_slave fdb_flush
ip link set v0 master br0
ip link set br0 type bridge_slave cost 5
ip link set v1 type bridge hello_time 100
ip link set br0 type bridge mcast_mld_version 3
ip link set br0 type bridge mcast_mld_version 0
ip link set br0 type bridge mcast_igmp_version 4
ip link set br0 type bridge mcast_igmp_version 1
ip link set br0 type bridge mcast_mld_version 2
ip link set br0 type bridge mcast_igmp_version 3
