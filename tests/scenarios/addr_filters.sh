# ip address show filters: up, permanent, primary, to, scope
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 192.0.2.1/24 dev v0
ip addr add 192.0.2.2/24 dev v0
ip addr add 198.51.100.1/24 dev v1
ip link set v1 up
ip addr show up
ip addr show permanent
ip addr show to 192.0.2.0/24
ip addr show to 192.0.2.2
ip addr show scope host
ip -4 addr show up primary
ip -o addr show
ip -br addr
ip -br -4 addr show up
ip addr show type veth
