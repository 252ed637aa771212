# -j and -j -p on links
ip -j link
ip -j -p link
ip -json link show lo
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip -j link show v0
ip -j -p link show v1
ip -j -p -br link
ip -j link show eth9
ip -json -pretty link show dev lo
