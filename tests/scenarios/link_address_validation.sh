# Link addresses: multicast and zero MACs are refused where Linux checks is_valid_ether_addr
ip link set lo address 01:00:00:00:00:01
ip link set lo address 00:00:00:00:00:00
ip link set lo address 02:00:00:00:00:09
ip link show lo
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 address 03:00:00:00:00:01
ip link set v0 address 00:00:00:00:00:00
ip link set v0 address 02:00:00:00:00:01
ip link add v2 address 01:00:00:00:00:01 type veth peer name v3 address 02:00:00:00:00:04
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 01:00:00:00:00:04
ip link add br0 address 01:00:00:00:00:05 type bridge
ip link add br0 address 02:00:00:00:00:05 type bridge
ip link set br0 address 05:00:00:00:00:05
ip link set br0 address 00:00:00:00:00:00
ip link add mv0 link v0 address 01:00:00:00:00:06 type macvlan
ip link add mv0 link v0 address 02:00:00:00:00:06 type macvlan
ip link set mv0 address 01:00:00:00:00:07
ip link set lo address 00:00:00:00:00:00
ip -br link
