# gateways that are not on link, onlink, and down devices
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip route add 10.0.0.0/8 via 192.0.2.254
ip route add 10.0.0.0/8 via 192.0.2.254 dev v0
ip route add 10.0.0.0/8 via 192.0.2.254 dev v0 onlink
ip link set v0 up
ip route add 10.0.0.0/8 via 192.0.2.254 dev v0 onlink
ip route
ip addr add 192.0.2.1/24 dev v0
ip route add 10.3.0.0/16 via 192.0.2.1
ip route add 10.4.0.0/16 via 198.51.100.1 dev v0
ip link set v1 up
ip route add 10.5.0.0/16 via 192.0.2.7
ip route
ip route add 10.6.0.0/16 via 203.0.113.9 dev v0 onlink
ip route show 10.6.0.0/16
ip route add 10.7.0.0/16 via 2001:db8::1 dev v0
ip -6 route add 2001:db8:5::/48 via 2001:db8::1 dev v0
