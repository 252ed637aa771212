# veth created with mtu, txqueuelen, alias and peer options
ip link add v0 mtu 1400 txqueuelen 500 address 02:00:00:00:00:01 type veth peer name v1 mtu 1300 address 02:00:00:00:00:02
ip link show v0
ip link show v1
ip link add v2 address 02:00:00:00:00:03 mtu 9000 type veth peer name v3 address 02:00:00:00:00:04 txqueuelen 100
ip link show v2
ip link show v3
ip link add v4 address 02:00:00:00:00:05 up type veth peer name v5 address 02:00:00:00:00:06
ip -br link show v4
ip link add v6 address 02:00:00:00:00:07 type veth
ip link add v7 type veth peer
ip link add v8 address 02:00:00:00:00:08 type veth peer name
