# IPv4 tables exist once a route was put in them (fib_new_table); the local table brings main with it only while no rule was changed (fib_has_custom_rules), so after a rule an address on lo leaves main absent: deleting from it is ESRCH "FIB table does not exist"
ip route del default
ip rule add pref 5 table 7
ip addr add 10.0.1.3/16 dev lo
ip route del default
ip route show table main
ip link set lo up
ip route del default
ip -6 route del default
ip route show table all
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 10.0.2.1/24 dev v0
ip route del default
ip route show table main
ip route del 10.0.2.0/24 dev v0
ip route del 10.0.2.0/24 dev v0
ip route del default table 7
