# IPv4 multipath: weights, show, replace, del, JSON, route get avoided (hash)
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 up
ip link set v1 up
ip link set v2 up
ip link set v3 up
ip addr add 192.0.2.1/24 dev v0
ip addr add 198.51.100.1/24 dev v2
ip route add 10.0.0.0/8 nexthop via 192.0.2.254 weight 3 nexthop via 198.51.100.254 weight 1
ip route show 10.0.0.0/8
ip -j route show 10.0.0.0/8
ip route add 10.0.0.0/8 nexthop via 192.0.2.253
ip route replace 10.0.0.0/8 nexthop via 192.0.2.253 dev v0 nexthop dev v2
ip route show 10.0.0.0/8
ip route append 10.0.0.0/8 via 192.0.2.252
ip route show 10.0.0.0/8
ip route del 10.0.0.0/8
ip route show 10.0.0.0/8
ip route add 10.1.0.0/16 nexthop via 192.0.2.254 nexthop via 203.0.113.1
ip route add 10.2.0.0/16 nexthop via 192.0.2.254 weight 300
ip route add 10.3.0.0/16 nexthop
