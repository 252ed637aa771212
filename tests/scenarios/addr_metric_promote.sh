# address metrics, secondary promotion on delete, promote_secondaries, noprefixroute on IPv4
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 192.0.2.1/24 dev v0 metric 50
ip addr add 192.0.2.2/24 dev v0
ip addr add 192.0.2.3/24 dev v0
ip route show dev v0
ip addr del 192.0.2.1/24 dev v0
ip addr show dev v0
ip route show dev v0
sysctl -w net.ipv4.conf.v0.promote_secondaries=1
ip addr add 192.0.2.10/24 dev v0
ip addr del 192.0.2.2/24 dev v0
ip addr show dev v0
ip route show dev v0
ip addr add 198.51.100.1/24 dev v0 noprefixroute
ip route show dev v0
ip route show table local dev v0
ip addr change 198.51.100.1/24 dev v0 metric 7
ip route show dev v0
ip -6 addr add 2001:db8::1/64 dev v0 nodad metric 300
ip -6 route show dev v0
