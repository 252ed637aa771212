# veth: peer options, numtxqueues, down/up of one end, delete by peer, show by type, master filters
ip link add v0 address 02:00:00:00:00:01 mtu 1400 type veth peer name v1 address 02:00:00:00:00:02 mtu 1300
ip link add name a0 address 02:00:00:00:00:03 txqueuelen 100 type veth peer a1 address 02:00:00:00:00:04
ip link show type veth
ip -br link show type veth
ip link set v0 up
ip -br link
ip link set v1 up
ip -br link
ip link set v0 down
ip -br link
ip link del v1
ip -br link
ip link add v0 type veth peer name a0
ip link add b0 address 02:00:00:00:00:05 type bridge
ip link set a0 master b0
ip link show master b0
ip -br link show master b0
ip link set a0 nomaster
ip link show master b0
ip link del b0
ip link del a1
ip -br link
