# -br and -o output of links, with a veth pair and lo
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip -br link
ip -brief link show
ip -o link
ip -oneline link show v1
ip link set lo up
ip link set v0 up
ip -br link
ip -br link show v1
ip link set v1 up
ip -br link
ip -o link show v0
ip -br -o link
