# A device whose MTU goes under 1280 loses its inet6_dev and with it net.ipv6.conf.DEV (addrconf_sysctl_unregister); back at 1280 or more a new one copies conf.default as it is then (ipv6_add_dev), the old values gone; IPv4's stay
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
sysctl -w net.ipv6.conf.v0.forwarding=1
sysctl -w net.ipv6.conf.v0.hop_limit=9
sysctl -w net.ipv4.conf.v0.forwarding=1
ip link set v0 mtu 1200
sysctl -w net.ipv6.conf.v0.forwarding=0
sysctl net.ipv6.conf.v0.mtu
sysctl net.ipv6.conf.v0.hop_limit
sysctl -w net.ipv6.conf.default.hop_limit=33
ip link set v0 mtu 1400
sysctl net.ipv6.conf.v0.hop_limit net.ipv6.conf.v0.forwarding net.ipv6.conf.v0.mtu
sysctl net.ipv4.conf.v0.forwarding
