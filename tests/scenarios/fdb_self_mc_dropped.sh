# A device that goes down while IPv6 considers it ready drops IPv6's groups from its multicast list (addrconf_ifdown → ipv6_mc_down), all-nodes too; groups joined while down load at once; ipv6_mc_up loads the rest again once it is up and ready, after IPv4's all-hosts group; up without carrier only IPv4's
ip link add va1 address 02:00:00:00:00:01 type veth peer name vb1 address 02:00:00:00:00:02
ip link set va1 up
ip link set vb1 up
ip addr add 2001:db8::4/64 dev vb1 nodad
bridge fdb show dev vb1
ip link set vb1 down
bridge fdb show dev vb1
ip addr add 2001:db8::5/64 dev vb1
bridge fdb show dev vb1
ip link set vb1 up
bridge fdb show dev vb1
ip link set va1 down
ip link set vb1 down
bridge fdb show dev vb1
ip link set vb1 up
bridge fdb show dev vb1
ip link set vb1 down
bridge fdb show
