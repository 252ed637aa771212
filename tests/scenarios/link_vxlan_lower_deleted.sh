# a VXLAN goes with its lower device (vxlan_handle_lowerdev_unregister)
ip link add va1 address 02:00:00:00:00:02 type veth peer name vb1 address 02:00:00:00:00:03
ip link add vx10 address 02:00:00:00:00:06 type vxlan id 20 dstport 4789 dev vb1
ip link add vx11 address 02:00:00:00:00:07 type vxlan id 21 dstport 4789
ip -br link
ip link del va1
ip -br link
ip link show vx10
