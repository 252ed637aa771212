# metric, proto, scope and src on routes, and selectors on show
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.254 metric 100
ip route add 10.0.0.0/8 via 192.0.2.253 metric 200
ip route add 172.16.0.0/12 dev v0 proto static scope link
ip route add 172.17.0.0/16 dev v0 proto 99 src 192.0.2.1
ip route add 172.18.0.0/16 dev v0 protocol boot scope host
ip route add 172.19.0.0/16 dev v0 preference 5
ip route add 172.20.0.0/16 dev v0 src 198.51.100.1
ip route
ip route show proto static
ip route show scope link
ip route show dev v0 metric 200
ip route show root 10.0.0.0/8
ip route show match 10.1.2.3
ip route show exact 10.0.0.0/8
ip route show via 192.0.2.253
ip route show src 192.0.2.1
ip route del 10.0.0.0/8 metric 200
ip route
