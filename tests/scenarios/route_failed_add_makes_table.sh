# inet_rtm_newroute makes the table before the insert that fails: after a
# refused route, the table exists and lists nothing
ip link set lo up
ip route show table 7
ip route add 10.9.0.0/24 via 1.2.3.4 table 7
ip route show table 7
ip -6 route show table 8
ip -6 route add 2001:db8::/64 via fe80::1 table 8
ip -6 route show table 8
