# IPv4 routes through next-hop objects follow a replace, and go with the object
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip nexthop add id 1 via 10.0.0.2 dev d0
ip nexthop add id 2 via 10.0.0.3 dev d0
ip nexthop add id 4 dev d0
ip nexthop add id 10 group 1/2,3
ip route add 192.168.1.0/24 nhid 1
ip route add 192.168.2.0/24 nhid 10
ip route add 192.168.3.0/24 nhid 4
ip route add 192.168.9.0/24 nhid 1 table 100 proto static metric 7
ip route
ip route get 192.168.1.5
ip nexthop replace id 1 via 10.0.0.9 dev d0
ip route
ip route show table 100
ip route get 192.168.1.5
ip nexthop replace id 10 group 1
ip route
ip route del 192.168.3.0/24 nhid 4
ip nexthop del id 1
ip route
ip route show table 100
ip nexthop
