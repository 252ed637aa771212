# The subnet-router anycast route as lookups see it (dev lo, table local, a source of the device), a ping to it, and a hand-deleted anycast route that stays gone while its prefix still has users (__ipv6_dev_ac_inc counts them and adds no route); deleting the device takes the rest (ipv6_ac_destroy_dev)
sysctl -w net.ipv6.conf.all.forwarding=1
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
sysctl -w net.ipv6.conf.v1.forwarding=0
ip addr add 2001:db8:1::1/64 dev v0
ip link set v0 up
ip link set v1 up
ip -6 route get 2001:db8:1::
ip -6 route get 2001:db8:1:: from 2001:db8:1::1
ip -6 route get fe80:: dev v0
ip -6 route get fe80::
ip -6 route show table all type anycast
ping -c 1 -W 1 2001:db8:1::
ip -6 route del anycast 2001:db8:1:: dev v0 table local
ip addr add 2001:db8:1::2/64 dev v0 nodad
ip -6 route show table local type anycast
ip addr del 2001:db8:1::1/64 dev v0
ip addr del 2001:db8:1::2/64 dev v0
ip addr add 2001:db8:1::3/64 dev v0 nodad
ip -6 route show table local type anycast
ip link del v0
ip -6 route show table all type anycast
