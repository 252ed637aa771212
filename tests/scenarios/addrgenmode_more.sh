# addrgenmode: none, eui64, random-free checks; link-local addresses on up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 addrgenmode none
ip link set v0 up
ip link set v1 up
ip -6 addr show dev v0
ip -6 addr show dev v1
ip link set v0 addrgenmode eui64
ip -6 addr show dev v0
ip link set v0 down
ip link set v0 up
ip -6 addr show dev v0
ip link set v0 addrgenmode frob
ip -d link show lo
ip -j -d link show lo
