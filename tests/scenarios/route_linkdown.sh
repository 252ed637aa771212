# carrier loss marks routes linkdown; admin down removes them
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.254
ip route add 172.16.0.0/12 dev v0
ip route
ip link set v1 down
ip route
ip route show table local
ip link set v1 up
ip route
ip link set v0 down
ip route
ip route show table local
ip link set v0 up
ip route
ip route add 10.0.0.0/8 via 192.0.2.254
ip link set v1 down
ip route show dev v0
