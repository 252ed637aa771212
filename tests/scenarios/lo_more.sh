# the loopback device: addresses, routes, mtu, down and up again
ip link set lo up
ip addr add 127.0.0.2/8 dev lo
ip addr add 10.255.255.1/32 dev lo
ip -6 addr add 2001:db8::ff/128 dev lo
ip addr show dev lo
ip route show table local dev lo
ip route get 10.255.255.1
ip link set lo mtu 1500
ip link show lo
ip link set lo down
ip addr show dev lo
ip route show table local
ip -6 route show table local
ip link set lo up
ip addr show dev lo
ip -6 route show table local
