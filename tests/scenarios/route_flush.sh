# ip route flush by device, proto, table and cache
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.1.0.0/16 via 192.0.2.2 proto static
ip route add 10.2.0.0/16 via 192.0.2.2 proto boot
ip route add 10.3.0.0/16 dev v0
ip route add blackhole 10.4.0.0/16
ip route flush
ip route flush proto static
ip route
ip route flush dev v0
ip route
ip route flush cache
ip route flush table main
ip route show table all
ip route flush dev eth9
