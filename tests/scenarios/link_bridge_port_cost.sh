# a bridge port's default STP cost comes from the device's speed: a veth says 10 Gb/s (cost 2), a vxlan reports none (cost 100)
ip link add va1 address 02:00:00:00:00:01 type veth peer name vb1 address 02:00:00:00:00:02
ip link add vx7 address 02:00:00:00:00:07 type vxlan id 100 dstport 4789 local 10.0.1.1
ip link add br0 address 02:00:00:00:00:0d type bridge
ip link set vx7 master br0
ip link set va1 master br0
bridge link
ip link set vx7 type bridge_slave cost 5
ip link set vx7 nomaster
ip link set vx7 master br0
bridge link show dev vx7
ip -d -j link show vx7
