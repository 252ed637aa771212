# a bridge with veth ports: master, nomaster, filters by master and type
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 master br0
ip link show master br0
ip link show type bridge
ip link set br0 up
ip link show br0
ip link set v0 up
ip link set v1 up
ip link show br0
ip -br link
ip link show master br0
ip link set v0 nomaster
ip link show master br0
ip -br link show br0
ip link set dev v0 master v1
ip link set dev v0 master eth9
ip link del br0
ip -br link
