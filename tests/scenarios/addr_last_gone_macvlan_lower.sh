# The last IPv4 address of a device going disables IP there
# (fib_disable_ip): its routes go, host-scope ones too, multipath next hops
# die, ARP entries are flushed. macvlan needs an Ethernet lower device that
# no bridge holds
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip route add 10.9.0.0/16 dev v0
ip addr add 192.0.2.1/24 dev v0
ip addr add 198.51.100.1/24 dev v0
ip route add 10.8.0.0/16 via 192.0.2.9
ip route add 10.7.0.0/16 dev v0 scope host
ip route add 10.6.0.0/16 nexthop dev v0 nexthop dev v1
ip route add 10.5.0.0/16 dev v0 table 100
ip neigh add 192.0.2.7 lladdr 02:00:00:00:00:09 dev v0
ip -6 neigh add 2001:db8::7 lladdr 02:00:00:00:00:09 dev v0
ip addr del 192.0.2.1/24 dev v0
ip route show table all type unicast
ip addr del 198.51.100.1/24 dev v0
ip route show table all type unicast
ip neigh show dev v0
ip link add link lo name mv1 type macvlan
ip link add br0 address 02:00:00:00:00:05 type bridge
ip link set v1 master br0
ip link add link v1 name mv2 type macvlan
ip link add link v0 name mv3 address 02:00:00:00:00:07 type macvlan
ip link set v0 master br0
ip -br link
