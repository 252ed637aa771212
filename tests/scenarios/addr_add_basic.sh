# adding IPv4 addresses and the routes they bring
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev v0
ip addr show dev v0
ip route show table all
ip link set v0 up
ip route show table all
ip link set v1 up
ip route show table all
ip addr add 192.0.2.1/24 dev v0
ip addr add 192.0.2.1/25 dev v0
ip address add 198.51.100.7 dev v0
ip addr show v0
ip route
ip route show table local
