# A device under MTU 1280 has no inet6_dev and no IPv6 groups; a new inet6_dev joins all-nodes after IPv4's all-hosts when the device is up, and a device that was not ready keeps its groups through down and up
ip link add va5 address 02:00:00:00:00:05 type veth peer name vb5 address 02:00:00:00:00:06
ip link add va6 address 02:00:00:00:00:07 type veth peer name vb6 address 02:00:00:00:00:08
ip link set va5 mtu 68
ip link set va6 up
ip link set va6 mtu 68
bridge fdb show dev va5
bridge fdb show dev va6
ip link set va5 mtu 1500
ip link set va6 mtu 1500
bridge fdb show dev va5
bridge fdb show dev va6
ip link set va5 up
ip link set va6 down
ip link set va6 up
bridge fdb show dev va5
bridge fdb show dev va6
