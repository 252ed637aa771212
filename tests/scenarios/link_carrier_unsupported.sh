# ip link set DEV carrier on|off: only devices with ndo_change_carrier (dummy) take it; flags set before it stay set
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 carrier off
ip link set v0 up carrier on
ip -br link show v0
ip link set lo carrier off
ip link add br0 address 02:00:00:00:00:03 type bridge
ip link set br0 carrier off
ip link set v0 mtu 1400 carrier on
ip -br link show v0
ip link show v0
