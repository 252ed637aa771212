# routes through a gateway and through a device; duplicates and missing routes
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.254
ip route add 172.16.0.0/12 dev v0
ip route add default via 192.0.2.254 dev v0
ip route
ip route add 10.0.0.0/8 via 192.0.2.254
ip route del 10.0.0.0/8
ip route del 10.0.0.0/8
ip route delete 172.16.0.0/12 dev v0
ip route del default
ip route
ip route add 10.1.0.0/16 via 192.0.2.9 dev v0
ip route show 10.1.0.0/16
ip route add 10.2.0.0/16 via 192.0.2.9 dev v1
ip route
