# malformed ip nexthop requests: no id, no family, unknown ids and devices
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip nexthop add
ip nexthop add id 12
ip nexthop replace via 10.0.0.2 dev d0
ip nexthop del id 99
ip nexthop del
ip nexthop get id 99
ip nexthop get
ip nexthop show id 99
ip nexthop show dev nosuch
ip nexthop show protocol static
ip nexthop show master d0
ip nexthop
