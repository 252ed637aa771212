# Rules with the old route-NAT action (RTN_NAT, outside FR_ACT_*): the
# kernel keeps them, iproute2 prints them as masquerade, and a lookup that
# reaches one fails
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 192.0.2.1/24 dev v0
ip route get 10.1.1.1 from 192.0.2.1 iif v0
ip route get 192.0.2.9
ip rule add nat 1.2.3.4
ip rule add nat 1.2.3.4 table 5 prio 100
ip rule add from 198.51.100.0/24 nat 1.2.3.4 prio 200
ip rule
ip -j rule
ip route get 192.0.2.9
ip route get 192.0.2.9 from 198.51.100.7
ip rule del prio 100
ip route get 192.0.2.9
ip rule del nat 1.2.3.4
ip rule
