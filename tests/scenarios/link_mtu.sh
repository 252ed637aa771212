# changing mtu: valid, too large, too small
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 mtu 9000
ip link show v0
ip link set dev v0 mtu 68
ip link set dev v0 mtu 67
ip link set dev v0 mtu 65535
ip link set dev v0 mtu 65536
ip link set lo mtu 1500
ip link show lo
ip link set v0 mtu frob
ip link show v0
