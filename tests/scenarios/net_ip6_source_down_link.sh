# IPv6 source selection looks at every device, up or not (ipv6_dev_get_saddr)
ip link add va address 02:00:00:00:00:01 type veth peer name vb address 02:00:00:00:00:02
ip addr add 2001:db8::6/64 dev vb
ping -c 1 -W 1 2001:db8:9::1
ip addr add 2001:db8::5/64 dev vb nodad
ip -6 addr show dev vb
ping -c 1 -W 1 2001:db8:9::1
ip addr del 2001:db8::5/64 dev vb
ip addr add 2001:db8:1::2/48 dev lo preferred_lft 0
ping -c 1 -W 1 2001:db8:9::1
traceroute -n -q 1 -w 1 -m 2 2001:db8:1::2
