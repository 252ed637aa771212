# ip address show selectors: scope, to, label, primary/secondary, permanent, up, type
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev v0
ip addr add 192.0.2.2/24 dev v0
ip addr add 198.51.100.1/25 dev v0 label v0:a
ip addr add 10.0.0.1/8 dev v0 scope link
ip addr add 10.9.9.9/32 dev v0 scope host
ip addr show dev v0 scope link
ip addr show dev v0 scope host
ip addr show dev v0 scope global
ip addr show to 192.0.2.0/24
ip addr show to 198.51.100.1
ip addr show label v0:a
ip addr show label v0:a dev v0
ip addr show dev v0 primary
ip addr show dev v0 secondary
ip addr show dev v0 permanent
ip addr show up
ip -4 addr show type veth
ip -o -4 addr show dev v0
ip -br -4 addr show dev v0
ip addr show dev v0 to 10.0.0.0/8 scope link
