# admin up and down, operstate and carrier of a veth pair and lo
ip link set lo up
ip link show lo
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link show v0
ip link set dev v1 up
ip link show v0
ip link show v1
ip link set v1 down
ip link show v0
ip link set lo down
ip link show lo
ip link set eth9 up
ip link set dev v0 up down
