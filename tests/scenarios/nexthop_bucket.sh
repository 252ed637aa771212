# ip nexthop bucket: no buckets without resilient groups; the errors for other ids
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip nexthop add id 1 via 10.0.0.2 dev d0
ip nexthop add id 10 group 1
ip nexthop bucket
ip nexthop bucket list
ip -j nexthop bucket show dev d0
ip nexthop bucket show id 10
ip nexthop bucket show id 1
ip nexthop bucket show id 99
ip nexthop bucket show nhid 1
ip nexthop bucket get id 10 index 0
ip nexthop bucket get id 1 index 0
ip nexthop bucket get id 99 index 0
ip nexthop bucket get id 10
ip nexthop bucket frob
ip nexthop add id 21 group 1 type frob
sysctl net.ipv4.fib_multipath_use_neigh net.ipv6.conf.d0.ignore_routes_with_linkdown
