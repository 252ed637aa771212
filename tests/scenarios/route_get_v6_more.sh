# IPv6 route get: link-local, multicast, local, unreachable, from, oif, fibmatch
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip link set lo up
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip -6 route add 2001:db8:1::/48 via 2001:db8::2
ip -6 route get 2001:db8:1::9
ip -6 route get 2001:db8::9
ip -6 route get 2001:db8::1
ip -6 route get ::1
ip -6 route get fe80::5 dev v0
ip -6 route get fe80::5
ip -6 route get ff02::1 dev v0
ip -6 route get 2001:db9::1
ip -6 route get 2001:db8:1::9 from 2001:db8::1
ip -6 route get 2001:db8:1::9 oif v0
ip -6 route get fibmatch 2001:db8:1::9
ip -j -6 route get 2001:db8:1::9
ip -6 route add unreachable 2001:db8:2::/48
ip -6 route get 2001:db8:2::1
ip -6 route add prohibit 2001:db8:3::/48
ip -6 route get 2001:db8:3::1
