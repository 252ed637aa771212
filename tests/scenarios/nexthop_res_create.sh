# resilient groups: creation, ip nexthop show (text, -d, -j) and the bucket table's initial fill (nh_res_group_rebalance, nh_res_table_upkeep)
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
ip nexthop add id 10 group 1/2 type resilient buckets 8
ip nexthop add id 11 group 1,3/2 type resilient buckets 6 idle_timer 5 unbalanced_timer 20
ip nexthop show
ip -d nexthop show id 10
ip -j nexthop show id 11
ip nexthop bucket show
ip -j nexthop bucket show id 11
ip nexthop bucket show nhid 2
ip nexthop bucket show dev d0
ip nexthop bucket get id 10 index 3
ip -j nexthop bucket get id 11 index 5
ip nexthop bucket get id 10 index 8
ip nexthop show groups
