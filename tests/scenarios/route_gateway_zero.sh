# an IPv4 gateway of 0.0.0.0 is no gateway at all; IPv6's :: is refused
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.9.0.0/24 via 0.0.0.0 dev v0
ip route add 10.8.0.0/24 via 0.0.0.0
ip route add 10.7.0.0/24 nexthop via 0.0.0.0 dev v0 nexthop via 192.0.2.2 dev v0
ip route add 10.6.0.0/24 via 192.0.2.2 dev v0
ip route
ip route del 10.6.0.0/24 via 0.0.0.0
ip route add 10.5.0.0/24 via 0.0.0.0 dev v0 onlink
ip route add 10.4.0.0/24 via 0.0.0.0 dev lo
ip route add 10.3.0.0/24 via 0.0.0.0 dev v0 scope link
ip route add 10.2.0.0/24 via 0.0.0.0 dev v0 scope host
ip route
ip route get 10.9.0.1
ip -6 route add 2001:db8:9::/64 via :: dev v0
ip -6 route add 2001:db8:8::/64 via ::
