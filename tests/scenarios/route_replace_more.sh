# replace/change/prepend semantics with metrics and tos
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.254 metric 10
ip route add 10.0.0.0/8 via 192.0.2.253 metric 20
ip route replace 10.0.0.0/8 via 192.0.2.252 metric 20
ip route show 10.0.0.0/8
ip route change 10.0.0.0/8 via 192.0.2.251 metric 30
ip route replace 10.0.0.0/8 via 192.0.2.250 metric 30
ip route show 10.0.0.0/8
ip route add 10.0.0.0/8 tos 0x10 via 192.0.2.249
ip route show 10.0.0.0/8
ip route prepend 10.0.0.0/8 via 192.0.2.248 metric 10
ip route show 10.0.0.0/8
ip route del 10.0.0.0/8 metric 20
ip route del 10.0.0.0/8 tos 0x10
ip route show 10.0.0.0/8
ip route del 10.0.0.0/8
ip route show 10.0.0.0/8
ip -6 route add 2001:db8::/32 dev v0 metric 5
ip -6 route replace 2001:db8::/32 dev v0 metric 5 mtu 1300
ip -6 route show 2001:db8::/32
ip -6 route change 2001:db8::/32 dev v1 metric 5
ip -6 route show 2001:db8::/32
