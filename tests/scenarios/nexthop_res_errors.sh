# resilient groups: the errors of creation and replace, exactly as rtm_to_nh_config_grp_res, insert_nexthop and replace_nexthop_grp give them
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link add d2 address 02:00:00:00:00:03 type veth peer name d3 address 02:00:00:00:00:04
ip link set d0 up
ip link set d1 up
ip link set d2 up
ip link set d3 up
ip addr add 10.0.0.1/24 dev d0
ip addr add 10.0.1.1/24 dev d2
ip nexthop add id 1 via 10.0.0.2 dev d0
ip nexthop add id 2 via 10.0.1.2 dev d2
ip nexthop add id 3 via 10.0.0.3 dev d0
ip nexthop add id 10 group 1/2 type resilient
ip nexthop add id 10 group 1/2 type resilient idle_timer 10
ip nexthop add id 10 group 1/2 type resilient buckets 0
ip nexthop add id 10 group 1/2 type resilient buckets 65536
ip nexthop add id 10 group 1/2 type resilient buckets 4 idle_timer 42949673
ip nexthop add id 10 group 1/2 type resilient buckets 4 unbalanced_timer x
ip nexthop add id 10 group 1/2 type resilient buckets
ip nexthop add id 10 group 1/2 type resilient buckets 4
ip nexthop add id 20 group 10/3 type resilient buckets 4
ip nexthop add id 20 group 1/3
ip nexthop replace id 10 group 1/2 type resilient buckets 8
ip nexthop replace id 10 group 1/2
ip nexthop replace id 20 group 1/2 type resilient buckets 4
ip nexthop replace id 3 group 1/2 type resilient buckets 4
ip nexthop bucket get id 20 index 0
ip nexthop show
