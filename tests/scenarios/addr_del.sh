# deleting addresses, with and without a prefix length
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 192.0.2.1/24 dev v0
ip addr add 198.51.100.1/24 dev v0
ip addr add 203.0.113.1/24 dev v0
ip addr del 192.0.2.1/24 dev v0
ip addr del 192.0.2.1/24 dev v0
ip addr del 198.51.100.1 dev v0
ip address delete 203.0.113.1/25 dev v0
ip addr show dev v0
ip route
ip addr del 203.0.113.1/24 dev v0
ip -4 addr show dev v0
ip route show table local
ip addr del dev v0
ip addr del 10.0.0.1/8
