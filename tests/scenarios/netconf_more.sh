# ip netconf for both families and all devices, after sysctl changes
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip netconf
ip -6 netconf
ip netconf show dev v0
sysctl -w net.ipv4.conf.v0.forwarding=1
sysctl -w net.ipv4.conf.v0.proxy_arp=1
sysctl -w net.ipv6.conf.v0.forwarding=1
ip netconf show dev v0
ip -6 netconf show dev v0
ip -j netconf show dev v0
ip netconf show dev nosuch
sysctl -w net.ipv4.conf.all.forwarding=1
ip netconf show dev lo
