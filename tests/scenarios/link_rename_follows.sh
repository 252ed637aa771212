# Renaming a device renames its IPv4 labels (inetdev_changename: the first
# address takes the new name, the others keep what follows their colon or
# get :N) and takes its sysctls along; a new device with that old name
# starts from the defaults, and a new device's address generation mode
# comes from conf.default
ip link add d0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev d0 label d0:x
ip addr add 10.0.0.2/24 dev d0
ip addr add 10.0.1.1/24 dev d0 label d0:y
ip addr add 10.0.2.1/24 dev d0 label foo
sysctl -w net.ipv4.conf.d0.forwarding=1 net.ipv6.conf.d0.hop_limit=9 net.ipv4.conf.d0.rp_filter=2
ip link set d0 name e0
ip -4 addr show dev e0
sysctl net.ipv4.conf.e0.forwarding net.ipv6.conf.e0.hop_limit net.ipv4.conf.e0.rp_filter
ip link add d0 address 02:00:00:00:00:03 type veth peer name v2 address 02:00:00:00:00:04
sysctl net.ipv4.conf.d0.forwarding net.ipv6.conf.d0.hop_limit net.ipv4.conf.d0.rp_filter
sysctl -w net.ipv6.conf.default.addr_gen_mode=1
ip link add g0 address 02:00:00:00:00:05 type veth peer name g1 address 02:00:00:00:00:06
sysctl net.ipv6.conf.g0.addr_gen_mode
ip link set g0 up
ip link set g1 up
ip -6 addr show dev g0
ip -6 addr show dev g1
