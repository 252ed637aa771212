# Below IPv6's minimum MTU (1280) a device has no IPv6 at all: addresses
# and routes go, new ones are refused, link dumps carry no inet6 part; at
# 1280 again it starts afresh
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 2001:db8::1/64 dev v0
ip addr add 192.0.2.1/24 dev v0
ip link set v0 mtu 1000
ip addr show dev v0
ip -6 route show table all
ip addr add 2001:db8::2/64 dev v0
ip -d link show v0
ip -j -d link show v0
ip link set v0 mtu 1279
ip link set v0 mtu 1280
ip addr show dev v0
ip -6 route show table all
ip link add v2 mtu 1000 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip -d link show v2
ip link set v2 up
ip link set v3 up
ip addr show dev v2
ip link set v2 mtu 1500
ip addr show dev v2
ip link add link v0 name mv1 type macvlan mode passthru
ip link add link v1 name mv2 address 02:00:00:00:00:09 type macvlan mode passthru
ip -br link show type macvlan
