# An anycast route a request adds has no RTF_ANYCAST (rtm_to_fib6_config sets it only for RTN_LOCAL's RTF_LOCAL): a lookup answers through its own device, not lo (ip6_rt_get_dev_rcu); addrconf's own goes through lo
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 2001:db8:1::1/64 dev v0
ip -6 route add anycast 2001:db8:1:: dev v0 table local
ip -6 route get 2001:db8:1::
ip -6 route show table local type anycast
ip -6 route del anycast 2001:db8:1:: dev v0 table local
sysctl -w net.ipv6.conf.v0.forwarding=1
ip -6 route add anycast 2001:db8:1:: dev v0 table local
ip -6 route show table local type anycast
ip -6 route get 2001:db8:1::
ip -6 route add anycast 2001:db8:7:: dev v0 table local
ip -6 route get 2001:db8:7::
