# a datagram longer than the way out leaves in fragments, each a frame the links count (1228 bytes over MTU 1000: 1010 + 266); the whole reply is too long for the MTU-1000 peer and dropped; a route mtu fragments smaller
sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip netns exec a sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec b sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip link add v0 netns a address 02:00:00:00:00:01 type veth peer name v1 netns b address 02:00:00:00:00:02
ip -n a addr add 10.0.0.1/24 dev v0
ip -n b addr add 10.0.0.2/24 dev v1
ip -n a neigh add 10.0.0.2 dev v0 lladdr 02:00:00:00:00:02 nud permanent
ip -n b neigh add 10.0.0.1 dev v1 lladdr 02:00:00:00:00:01 nud permanent
ip -n a link set v0 up mtu 1000
ip -n b link set v1 up
ip netns exec a ping -c 1 -W 1 -M dont -s 1200 10.0.0.2
ip -n a -s link show v0
ip -n b -s link show v1
ip netns exec a ping -c 1 -W 1 -M dont -s 2000 10.0.0.2
ip -n a -s link show v0
ip -n b -s link show v1
ip -n a route add 10.0.0.2/32 dev v0 mtu 600
ip netns exec a ping -c 1 -W 1 -M dont -s 1200 10.0.0.2
ip -n a -s link show v0
