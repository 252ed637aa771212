# a device without carrier keeps the noop qdisc: what it is given is dropped and counted as tx_dropped, and the sender hears no error
sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns exec a sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip link add v0 netns a address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip -n a addr add 10.0.0.1/24 dev v0
ip -n a link set v0 up
ip -n a neigh add 10.0.0.2 dev v0 lladdr 02:00:00:00:00:02 nud permanent
ip netns exec a ping -c 2 -i 0.2 -W 1 10.0.0.2
ip -n a -s link show v0
ip -s link show v1
ip netns exec a traceroute -n -q 1 -w 1 -m 1 10.0.0.2
ip -n a -s link show v0
