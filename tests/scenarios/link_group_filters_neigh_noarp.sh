# Deleting a group of links, dumps filtered by master (nomaster) and vrf,
# encap argument errors, neighbours that need no link-layer address
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link add br0 address 02:00:00:00:00:05 type bridge
ip link set v2 master br0
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
ip addr show nomaster
ip -br link show nomaster
ip addr show vrf x
ip link show vrf br0
ip route add 10.0.0.0/8 dev v0 encap mpls
ip route add 10.0.0.0/8 dev v0 encap mpls 100
ip neigh add 0.0.0.0 dev v0
ip neigh add 224.0.0.5 dev v0
ip neigh add 192.0.2.255 dev v0
ip neigh add 10.0.0.1 dev lo
ip -6 neigh add ff02::5 dev v0
ip neigh add 192.0.2.7 dev v0
ip neigh show 224.0.0.5
ip neigh show 192.0.2.255
ip neigh show dev lo
ip -6 neigh show dev v0
ip link del group 7
ip link del group 0
ip link set v1 group 7
ip link set v3 group 7
ip link del group 7
ip -br link
