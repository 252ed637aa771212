# A bridge without an address set by hand takes the smallest port address and follows its ports (br_stp_recalculate_bridge_id)
ip link add br0 type bridge
ip link add v0 address 02:00:00:00:00:05 type veth peer name v1 address 02:00:00:00:00:06
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip link set v0 master br0
ip -br link show br0
ip link set v2 master br0
ip -br link show br0
ip link set v2 address 02:00:00:00:00:09
ip -br link show br0
ip link set v2 nomaster
ip -br link show br0
ip link set v0 address 02:00:00:00:00:01
ip -br link show br0
ip link add br1 address 02:00:00:00:00:aa type bridge
ip link set v2 master br1
ip -br link show br1
ip link add br3 type bridge
ip link set v1 master br3
ip link set v1 nomaster
ip -br link show br3
ip link set br0 address 02:00:00:00:00:bb
ip link set v1 master br0
ip -br link show br0
ip link set v0 nomaster
ip -br link show br0
ip link add br2 type bridge
ip link set v3 master br2
ip link del v2
ip -br link show br2
