# A gateway whose route leaves through a down device (a local address of down lo, found with FIB_LOOKUP_IGNORE_LINKSTATE): fib_check_nh_v4_gw answers ENETDOWN without a message
ip addr add 172.16.0.1/32 dev lo
ip addr add 172.16.0.2/16 dev lo noprefixroute
ip route show table all
ip route add 10.6.1.0/24 via 172.16.0.2 dev lo
ip route add 10.6.1.0/24 via 172.16.0.2
ip route add 10.6.1.0/24 via 172.16.0.1 dev lo onlink
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev v0
ip route add 10.7.0.0/16 via 192.0.2.1
ip link set lo up
ip route add 10.6.1.0/24 via 172.16.0.2 dev lo
ip route show 10.6.1.0/24
