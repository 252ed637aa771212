# labels and scopes on IPv4 addresses, and the label and scope filters
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev v0 label v0:one
ip addr add 198.51.100.1/24 dev v0 label v0:two scope link
ip addr add 203.0.113.1/24 dev v0 scope host
ip addr add 10.1.1.1/8 dev v0 scope 100
ip addr show dev v0
ip addr show label v0:one
ip addr show dev v0 scope link
ip addr show dev v0 scope host
ip addr show scope global
ip -4 addr show dev v0 label v0:two
ip addr add 10.2.2.2/8 dev v0
ip addr add 10.3.3.3/8 dev v0 scope 100
ip addr add 172.16.0.1/12 dev v0 label other
ip addr show dev v0 label other
ip addr show dev v0 secondary
ip addr add 10.2.2.2/8 dev v0 scope frob
