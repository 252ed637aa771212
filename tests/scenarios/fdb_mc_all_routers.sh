# With IPv6 forwarding on, a device's multicast list holds all-routers (33:33:00:00:00:02: right after all-nodes for a device made while forwarding, at the tail when the switch flips) and the solicited-node group of each subnet-router anycast address; both leave when forwarding goes off
ip link add va5 address 02:00:00:00:00:04 type veth peer name vb5 address 02:00:00:00:00:05
ip link add va6 address 02:00:00:00:00:06 type veth peer name vb6 address 02:00:00:00:00:07
ip link set va5 up
ip link set vb5 up
ip addr add 2001:db8:1::1/64 dev va5 nodad
sysctl -w net.ipv6.conf.all.forwarding=1
bridge fdb show dev va5
bridge fdb show dev va6
ip link add va7 address 02:00:00:00:00:08 type veth peer name vb7 address 02:00:00:00:00:09
bridge fdb show dev va7
ip link set va7 up
bridge fdb show dev va7
sysctl -w net.ipv6.conf.all.forwarding=0
bridge fdb show dev va5
