# An onlink IPv4 gateway is refused when it is a local address, even one of another device (inet_addr_type_dev_table looks at the whole local table)
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 up
ip link set v2 up
ip addr add 169.254.1.1/24 dev v0
ip addr add 169.254.3.1/24 dev v2
ip route add 169.254.101.102/32 via 169.254.3.1 dev v0 onlink
ip route add 169.254.101.103/32 via 169.254.1.1 dev v0 onlink
ip route add 169.254.101.104/32 via 169.254.3.2 dev v0 onlink
ip route add 169.254.101.105/32 via 169.254.3.255 dev v0 onlink
ip route add 169.254.101.106/32 via 169.254.3.0 dev v0 onlink
ip route show
