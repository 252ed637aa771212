# IPv6 routes: metrics, pref, expires-free options, types, table, show filters, replace, JSON
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip -6 route add 2001:db8:1::/48 via 2001:db8::2 metric 10 pref high
ip -6 route add 2001:db8:2::/48 via 2001:db8::2 mtu 1400 hoplimit 5
ip -6 route add 2001:db8:3::/48 dev v0 table 100
ip -6 route add 2001:db8:4::/48 via fe80::1 dev v0 proto static
ip -6 route add default via 2001:db8::ff
ip -6 route
ip -6 route show table 100
ip -6 route show proto static
ip -6 route show 2001:db8:1::/48
ip -6 route replace 2001:db8:1::/48 via 2001:db8::3 metric 10
ip -6 route show 2001:db8:1::/48
ip -j -6 route show 2001:db8:2::/48
ip -6 route get 2001:db8:1::5
ip -6 route get 2001:db8::2
ip -6 route del 2001:db8:4::/48 via fe80::1 dev v0
ip -6 route del default
ip -6 route show dev v0
ip -6 route flush table 100
ip -6 route show table 100
