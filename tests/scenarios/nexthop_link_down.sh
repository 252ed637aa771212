# a device losing its carrier takes its next hops and their routes; an address going does not
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link add d2 address 02:00:00:00:00:03 type veth peer name d3 address 02:00:00:00:00:04
ip link set d0 up
ip link set d1 up
ip link set d2 up
ip link set d3 up
ip addr add 10.0.0.1/24 dev d0
ip addr add 10.0.2.1/24 dev d2
ip nexthop add id 1 via 10.0.0.2 dev d0
ip nexthop add id 2 dev d0
ip nexthop add id 3 via 10.0.2.2 dev d2
ip nexthop add id 4 blackhole
ip nexthop add id 10 group 1/3
ip route add 192.168.1.0/24 nhid 1
ip route add 192.168.2.0/24 nhid 10
ip route add 192.168.4.0/24 nhid 4
ip addr del 10.0.0.1/24 dev d0
ip nexthop
ip route
ip link set d1 down
ip nexthop
ip route
