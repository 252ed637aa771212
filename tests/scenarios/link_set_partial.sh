# do_setlink applies a request's changes one by one: when a later one
# fails, the earlier ones stay (address before MTU, MTU before the name,
# the name before the queue length); a name with one %d takes the first
# free number, a second % is refused
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set dev v0 address 02:00:00:00:00:05 mtu 100000
ip link show v0
ip link set dev v0 mtu 1400 name v1
ip link show v0
ip link set dev v0 mtu 1300 txqueuelen 77 name bad%d%d
ip link show v0
ip link set dev v0 group 5 address 01:00:00:00:00:01
ip link show v0
ip link set dev v0 txqueuelen 55 master lo
ip link show v0
ip link set dev v0 mtu 1280 name bar%d
ip link show bar0
ip link add br%d address 02:00:00:00:00:09 type bridge
ip link add br%d%d address 02:00:00:00:00:0a type bridge
ip -br link show type bridge
