# IPv6 preferred sources: an address of the namespace, past DAD, and on the
# route's device when its scope is link
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 up
ip link set v1 up
ip addr add 2001:db8:1::1/64 dev v0 nodad
ip addr add 2001:db8:2::1/64 dev v2
ip -6 route add 2001:db8:9::/64 dev v0 src 2001:db8:1::1
ip -6 route add 2001:db8:a::/64 dev v0 src 2001:db8:2::1
ip -6 route add 2001:db8:b::/64 dev v0 src 2001:db8:7::1
ip -6 route add 2001:db8:c::/64 dev v1 src 2001:db8:1::1
ip -6 route add 2001:db8:d::/64 dev v1 src fe80::ff:fe00:1
ip -6 route add 2001:db8:e::/64 dev v0 src fe80::ff:fe00:1
ip -6 route add unreachable 2001:db8:f::/64 src 2001:db8:1::1
ip -6 route add unreachable 2001:db8:10::/64 src ::1
ip -6 route add prohibit 2001:db8:11::/64 src fe80::ff:fe00:1
ip -6 route change 2001:db8:12::/64 dev v0 src 2001:db8:7::1
ip -6 route change 2001:db8:12::/64 dev v0 src 2001:db8:1::1
ip -6 route show
ip -6 route show table all type unreachable
