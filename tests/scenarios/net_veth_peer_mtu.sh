# a veth whose peer has a smaller MTU: frames longer than the peer's MTU (plus header and a VLAN tag) are dropped, counted as tx_dropped and the peer's rx_dropped; ping and traceroute hear ENOBUFS
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
ip -n a link set v0 up
ip -n b link set v1 up mtu 1000
ip netns exec a ping -c 1 -W 1 10.0.0.2
ip netns exec a ping -c 1 -W 1 -s 1200 10.0.0.2
ip -n a -s link show v0
ip -n b -s link show v1
ip netns exec a ping -c 1 -W 1 -s 972 10.0.0.2
ip netns exec a ping -c 1 -W 1 -q -s 977 10.0.0.2
ip netns exec a traceroute -n -q 1 -w 1 -m 2 10.0.0.2 1004
ip netns exec a traceroute -n -q 1 -w 1 -m 2 10.0.0.2 1005
ip netns exec a traceroute -n -I -q 1 -w 1 -m 2 10.0.0.2 1005
ip -n a -s link show v0
ip -n b -s link show v1
