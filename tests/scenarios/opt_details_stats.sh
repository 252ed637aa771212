# -d and -s on lo and on an idle veth
ip -d link show lo
ip -s link show lo
ip -s -s link show lo
ip -statistics link show lo
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip -s link show v0
ip -d addr show lo
ip -s addr show lo
ip -s -j link show lo
ip -d route
ip -d -j link show lo
