# -s, -s -s, -h and JSON statistics on links without traffic
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip -s link show v0
ip -s -s link show v0
ip -s -h link show v0
ip -j -s link show v0
ip -j -s -s link show v0
ip -s -br link show v0
ip -s -o link show v0
ip link set lo up
ip -s -h link show lo
