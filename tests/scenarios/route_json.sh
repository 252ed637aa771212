# -j and -j -p output of routes in all tables
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip route add 10.0.0.0/8 via 192.0.2.254 metric 5 proto static
ip route add blackhole 10.9.0.0/16
ip -j route
ip -j -p route
ip -j -p route show table local
ip -j -6 route show table all
ip -j route show table 100
