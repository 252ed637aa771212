# address, broadcast, txqueuelen, alias and group of a link
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 address 02:00:00:00:00:aa
ip link set dev v0 broadcast 02:ff:ff:ff:ff:ff
ip link set dev v0 txqueuelen 200
ip link set dev v0 txqlen 300
ip link set dev v0 alias uplink
ip link set dev v0 group 5
ip link show v0
ip link show group 5
ip link show group default
ip link set dev v0 group default
ip link set dev v0 alias
ip link show v0
ip link set dev v0 address 01:00:00:00:00:01
ip link set dev v0 address zz
ip -br link
