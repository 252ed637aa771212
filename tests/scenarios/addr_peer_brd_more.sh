# peers, broadcast forms, /31 and /32, anycast-ish and conflicting adds
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/31 dev v0
ip addr add 10.0.1.1/32 dev v0
ip addr add 10.0.2.1 peer 10.0.2.2/32 dev v0
ip addr add 10.0.3.1/24 brd 10.0.3.127 dev v0
ip addr add 10.0.4.1/24 broadcast + dev v0
ip addr add 10.0.5.1/24 brd - dev v0
ip addr add 10.0.6.1/30 brd + dev v0
ip addr show dev v0
ip route show table local dev v0
ip route show table main dev v0
ip addr add 10.0.3.1/24 dev v0
ip addr add 10.0.3.1/25 dev v0
ip addr show to 10.0.3.0/24
ip addr del 10.0.2.1 peer 10.0.2.2/32 dev v0
ip addr del 10.0.0.1/31 dev v0
ip -br addr show dev v0
