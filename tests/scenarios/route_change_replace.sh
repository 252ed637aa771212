# route change, replace, append and prepend
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route change 10.0.0.0/8 via 192.0.2.2
ip route replace 10.0.0.0/8 via 192.0.2.2
ip route
ip route replace 10.0.0.0/8 via 192.0.2.3
ip route change 10.0.0.0/8 via 192.0.2.4 metric 5
ip route
ip route change 10.0.0.0/8 via 192.0.2.5
ip route append 10.0.0.0/8 via 192.0.2.6
ip route prepend 10.0.0.0/8 via 192.0.2.7
ip route
ip route append 10.0.0.0/8 via 192.0.2.6
ip route del 10.0.0.0/8
ip route
ip -6 route append 2001:db8::/32 dev v0
ip -6 route append 2001:db8::/32 dev v1
ip -6 route show 2001:db8::/32
