# broadcast (explicit and +) and peer addresses
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 brd + dev v0
ip addr add 198.51.100.1/24 broadcast 198.51.100.255 dev v0
ip addr add 203.0.113.1/24 brd 203.0.113.127 dev v0
ip addr add 10.0.0.1/30 brd - dev v0
ip addr add 10.9.9.1 peer 10.9.9.2 dev v1
ip addr add 10.8.8.1/32 peer 10.8.0.0/16 dev v1
ip addr show
ip route show table all
