# ip link show filters: up, type, master, vrf-less group, alias, -o, -br with colors off
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add br0 address 02:00:00:00:00:b0 type bridge
ip link set v0 master br0
ip link set v0 up
ip link set lo up
ip link show up
ip -br link show up
ip link show type bridge
ip link show type veth
ip -o link show type veth
ip link show master br0
ip link show dev v0
ip link show v0 up
ip link ls lo
ip link list
ip link show type frob
ip link show group 0
ip link show master nosuch
