# sysctl keys: forwarding per device, all/default, ip_forward effect on netconf, errors
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=1
sysctl net.ipv4.conf.all.forwarding
sysctl -n net.ipv4.conf.default.forwarding
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
sysctl net.ipv4.conf.v0.forwarding
sysctl -w net.ipv4.conf.v0.forwarding=0
sysctl net.ipv4.ip_forward
sysctl -w net.ipv6.conf.all.forwarding=1
sysctl net.ipv6.conf.v0.forwarding
sysctl -w net.ipv4.ip_forward=frob
sysctl -w net.ipv4.nosuch=1
sysctl net.ipv4.conf.nosuch.forwarding
ip netconf show dev v0
ip -6 netconf show dev v0
sysctl -w net.ipv4.conf.v0.rp_filter=2
ip netconf show dev v0
sysctl -w net.ipv4.ip_forward=0
ip netconf
