# IPv4 onlink gateways (fib_check_nh_v4_gw): the route's scope is checked
# before the device, then the device, then the gateway's type
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.5 onlink
ip route add 10.0.0.0/8 via 192.0.2.5 onlink scope link
ip route add 10.0.0.0/8 via 192.0.2.5 dev v0 onlink scope host
ip route add 10.0.0.0/8 via 192.0.2.255 dev v0 onlink
ip route add 10.0.0.0/8 via 127.0.0.1 dev v0 onlink
ip route add 10.0.0.0/8 via 198.51.100.9 dev v1 onlink
ip route add 10.0.0.0/8 via 198.51.100.9 dev v0 onlink
ip route add 10.3.0.0/16 nexthop via 192.0.2.5 onlink nexthop via 192.0.2.6 dev v0 onlink
ip route add 10.3.0.0/16 nexthop via 192.0.2.5 dev v0 onlink scope link nexthop via 192.0.2.6 dev v0 onlink
ip route add 10.3.0.0/16 nexthop via 198.51.100.5 dev v0 onlink nexthop via 192.0.2.6 dev v0
ip route show
ip route get 10.9.9.9
