# deleting a bridge releases its ports
ip link add name br0 address 02:00:00:00:01:00 type bridge
ip link add v0 address 02:00:00:00:00:01 master br0 type veth peer name v1 address 02:00:00:00:00:02
ip link show v0
ip link add br1 address 02:00:00:00:01:01 type bridge
ip link set v1 master br1
ip -br link show type bridge
ip link show v1
ip link del br0
ip link show v0
ip link delete br1 type bridge
ip link show v1
