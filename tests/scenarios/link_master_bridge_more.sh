# bridges with several ports: master/nomaster, deleting ports, brief and detail listings without timers
ip link add br0 address 02:00:00:00:00:b0 type bridge
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 master br0
ip link set v2 master br0
ip link show master br0
ip -br link show master br0
ip link set br0 up
ip link set v0 up
ip link set v1 up
ip -br link
ip link set v2 nomaster
ip -br link show master br0
ip link del v0
ip -br link
ip link set v2 master v3
ip link set lo master br0
ip link set br0 master br0
ip link del br0
ip -br link
