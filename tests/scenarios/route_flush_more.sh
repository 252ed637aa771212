# ip route flush: table, proto, dev, cache, -6, and what is left
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.1.0.0/16 via 192.0.2.254 proto static
ip route add 10.2.0.0/16 via 192.0.2.254 proto boot
ip route add 10.3.0.0/16 via 192.0.2.254 table 100
ip route add 10.4.0.0/16 dev v0 table 100
ip route flush proto static
ip route
ip route flush table 100
ip route show table 100
ip route flush cache
ip route flush dev v0
ip route
ip route show table local
ip route flush table local
ip route show table local
ip -6 route flush dev v0
ip -6 route
ip route flush table 200
