# deleting a route through a next-hop object: named by its id or by nothing, never by a device or gateway (IPv4); IPv6 by any
ip link set lo up
ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
ip link set d0 up
ip link set d1 up
ip addr add 10.0.0.1/24 dev d0
ip -6 addr add 2001:db8::1/64 dev d0 nodad
ip nexthop add id 21 via 10.0.0.6 dev d0
ip nexthop add id 22 via 10.0.0.7 dev d0
ip nexthop add id 23 via 2001:db8::6 dev d0
ip nexthop add id 24 via 2001:db8::7 dev d0
ip ro add 172.16.101.0/24 nhid 21
ip ro del 172.16.101.0/24 nexthop via 10.0.0.7 dev d0 nexthop via 10.0.0.8 dev d0
ip ro del 172.16.101.0/24 dev d0
ip ro del 172.16.101.0/24 via 10.0.0.6
ip ro del 172.16.101.0/24 nhid 22
ip ro del 172.16.101.0/24 nhid 21
ip ro add 172.16.101.0/24 nhid 21
ip ro del 172.16.101.0/24
ip -6 ro add 2001:db8:1::/64 nhid 23
ip -6 ro del 2001:db8:1::/64 nhid 24
ip -6 ro del 2001:db8:1::/64 via 2001:db8::9
ip -6 ro add 2001:db8:1::/64 nhid 23
ip -6 ro del 2001:db8:1::/64 dev d0
ip route
ip -6 route
