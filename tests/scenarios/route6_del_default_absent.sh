# ip6_route_del of ::/0 without a default route finds the root's fib6_null_entry (through lo, no gateway, metric ~0): ENOENT from __ip6_del_rt unless a device other than lo, a gateway or a metric rules it out (ESRCH)
ip -6 route del default
ip -6 route del 2001:db8::/64
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip -6 route add 2001:db8::/64 dev lo
ip -6 route del default dev lo
ip -6 route del default dev v0
ip -6 route del default via fe80::1 dev v0
ip -6 route del default metric 5
ip -6 route del default proto static
ip -6 route del default table local
ip -6 route add default dev lo metric 7
ip -6 route del default metric 5
ip -6 route del default
ip -6 route del default
ip -6 route add 2001:db8:1::/64 dev lo table 100
ip -6 route del default table 100
ip -6 route del default table 101
