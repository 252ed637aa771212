# table selection: numbers, names, all, local, main, default
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.254 table 100
ip route add default via 192.0.2.254 table 100
ip route add 10.0.0.0/8 dev v0 table default
ip route add blackhole 10.9.0.0/16 table 4000000000
ip route show table 100
ip route show table default
ip route show table 253
ip route show table 4000000000
ip route show table all
ip route show table frob
ip route del 10.0.0.0/8 table 100
ip route show table 100
ip route show table 101
ip route flush table 100
ip route show table 100
ip -6 route add 2001:db8::/32 dev v0 table 7
ip -6 route show table 7
ip route show table all type unicast
