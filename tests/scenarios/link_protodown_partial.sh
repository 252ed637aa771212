# A refused protodown keeps what do_setlink applied before it: the queue length, MTU and address stay
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 txqlen 500 protodown on
ip link show v0
ip link set v0 mtu 1400 address 02:00:00:00:00:07 protodown on
ip link show v0
ip link set v0 protodown off
ip -d link show v0
ip link set v0 up promisc on txqlen 600 protodown on
ip link show v0
ip link set v0 down multicast off protodown on
ip link show v0
ip link set v1 up
ip link set v0 up
ip link set v0 down protodown on
ip link show v1
ip link set v0 up protodown on
ip link show v1
