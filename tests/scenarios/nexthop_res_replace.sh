# resilient groups keep their table through a replace (buckets of members gone move to the new ones), a removed member and a member whose device went down
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
ip nexthop add id 10 group 1/2 type resilient buckets 6 idle_timer 0
ip nexthop bucket show
ip nexthop replace id 10 group 1/2/3 type resilient idle_timer 30
ip nexthop show id 10
ip nexthop bucket show
ip nexthop replace id 10 group 1,2/3 type resilient buckets 6
ip nexthop bucket show
ip nexthop del id 3
ip nexthop show id 10
ip nexthop bucket show
ip link set d2 down
ip nexthop show
ip nexthop bucket show
