# -c and -color=always/never/auto (a terminal) on links, addresses and routes
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev v0
ip addr add 2001:db8::1/64 dev v0 nodad
ip -c link
ip -color=always addr
ip -color=never addr show dev v0
ip -color=auto link show v0
ip -c -br addr
ip -c -br link
ip -c route show table local
ip -c -6 route show table local
ip -c -j link show lo
ip -c neigh
ip -color=frob link
