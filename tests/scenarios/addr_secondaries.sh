# secondary addresses: flags, deletion and promotion
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip addr add 192.0.2.2/24 dev v0
ip addr add 192.0.2.3/24 dev v0
ip addr show dev v0
ip addr show dev v0 secondary
ip addr show dev v0 primary
ip route show table all dev v0
ip addr del 192.0.2.1/24 dev v0
ip addr show dev v0
sysctl -w net.ipv4.conf.v0.promote_secondaries=1
ip addr add 198.51.100.1/24 dev v0
ip addr add 198.51.100.2/24 dev v0
ip addr add 198.51.100.3/24 dev v0
ip addr del 198.51.100.1/24 dev v0
ip addr show dev v0
ip route show table all dev v0
