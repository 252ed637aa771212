# IPv6 /128 addresses bring a prefix route too, with or without carrier;
# a failed route still creates its table
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 2001:db8:2::ff/128 dev v0
ip addr add 2001:db8:3::1/128 dev v0 noprefixroute
ip link set lo up
ip addr add 2001:db8::7/128 dev lo
ip -6 route show table all
ip link set v1 up
ip -6 route show
ip -6 route add 2001:db8:9::/64 dev v0 table 300 src 2001:db8:7::7
ip -6 route del 2001:db8:9::/64 table 300
ip -6 route del 2001:db8:9::/64 table 301
ip -6 route change 2001:db8:2::ff/128 dev v0 metric 5
ip -6 route change 2001:db8:2::ff/128 dev v0 metric 256 mtu 1400
ip -6 route show dev v0
ip route add throw default table local
ip route add 198.51.100.128/25 via 10.2.0.1 dev v0 onlink src 198.51.100.255
ip route add 198.51.100.128/25 via 10.2.0.1 dev v0 onlink
ip route show
