# table all for both families, table names, and show in numbered tables
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip link set lo up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.254 table 10
ip route add 10.0.0.0/8 via 192.0.2.254 table 300000
ip route add 10.0.0.0/8 via 192.0.2.254 table default
ip route show table all
ip -6 route show table all
ip route show table 300000
ip route show table default
ip route show table 255
ip route show table 0
ip -4 route list table all type local
ip route show table all dev v0 proto kernel
