# Output through lo makes its neighbour entry (__neigh_create from ip_finish_output2): NOARP with lo's address, ARP's keyed 0.0.0.0, IPv6's by the next hop; flush leaves NOARP entries, lo going down takes them
ip link set lo up
ping -c 1 127.0.0.1
ip neigh show nud all
ping -c 1 ::1
ip neigh show nud all
ip neigh flush dev lo
ip neigh show nud all
ip link add e1 address 02:00:00:00:00:01 type veth peer name e2 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev e1
ip link set e1 up
ping -c 1 10.0.0.1
ip neigh show nud all
ip link set lo down
ip neigh show nud all
