# IPv6 change (replace without create) of a missing route: "no match found"
# only where the fib6 tree has no node (root, prefixes with routes and the
# branch points between them are nodes)
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip -6 route add 2001:db8:1::/64 dev v0
ip -6 route add 2001:db8:2::/64 dev v0
ip -6 route change 2001:db8::/46 dev v0
ip -6 route change 2001:db8::/47 dev v0
ip -6 route change 2001:db8::/45 dev v0
ip -6 route change default dev v0
ip -6 route change default dev v0 table local proto kernel onlink
ip -6 route change 2001:db8:1::/64 dev v0 metric 5
ip -6 route change default dev v0 table 300
ip -6 route change 2001:db8:3::/64 dev v0 table 300
ip -6 route del 2001:db8:2::/64
ip -6 route change 2001:db8::/46 dev v0
ip -6 route show table all
