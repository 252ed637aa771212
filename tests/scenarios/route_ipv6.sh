# IPv6 routes: gateways, metrics, default route, deletion
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 2001:db8::1/64 dev v0 nodad
ip -6 route add 2001:db8:1::/48 via 2001:db8::2
ip -6 route add 2001:db8:2::/48 dev v0 metric 100
ip -6 route add default via fe80::2 dev v0
ip route add 2001:db8:3::/48 via 2001:db8::3 proto static
ip -6 route
ip -6 route add 2001:db8:1::/48 via 2001:db8::2
ip -6 route replace 2001:db8:1::/48 via 2001:db8::5
ip -6 route del 2001:db8:2::/48
ip -6 route del 2001:db8:2::/48
ip -6 route show dev v0
ip -6 route add 2001:db8:4::/48 via 2001:db8:99::1
ip -6 route show table local
ip -6 route flush dev v0
ip -6 route
