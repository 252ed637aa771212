# disable_ipv6 and accept_dad per device
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip -6 addr show dev v0
sysctl -w net.ipv6.conf.v0.disable_ipv6=1
ip -6 addr show dev v0
ip addr add 2001:db8::1/64 dev v0
sysctl -w net.ipv6.conf.v0.disable_ipv6=0
ip -6 addr show dev v0
sysctl net.ipv6.conf.v1.accept_dad
sysctl -w net.ipv6.conf.v1.accept_dad=0
ip addr add 2001:db8::2/64 dev v1
ip -6 addr show dev v1
sysctl net.ipv6.conf.eth9.accept_dad
