# An IPv6 address added while its device is down joins its solicited-node group at once (igmp6_group_added loads a group whatever the device's state): bridge fdb show lists it from the device's multicast list (ndo_dflt_fdb_dump), before the IPv4 all-hosts group that opening joins
ip link add va1 address 02:00:00:00:00:01 type veth peer name vb1 address 02:00:00:00:00:02
ip addr add fe80::3/128 dev vb1 nodad
ip addr add 2001:db8::4/64 dev vb1
bridge fdb show
ip link set vb1 up
bridge fdb show dev vb1
ip addr add 2001:db8::7/64 dev vb1
bridge fdb show dev vb1
ip link set vb1 down
bridge fdb show dev vb1
ip addr add 2001:db8::5/64 dev vb1
bridge fdb show dev vb1
ip addr del 2001:db8::5/64 dev vb1
bridge fdb show dev vb1
ip link set va1 up
ip addr add 2001:db8::8/64 dev va1 nodad
ip link set va1 down
ip addr add 2001:db8::9/64 dev va1 nodad
ip link set va1 up
bridge fdb show dev va1
