# renaming links, also while up, and name clashes
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 name a0
ip link
ip link set dev a0 up
ip link set dev a0 name b0
ip link show b0
ip link show v1
ip link set b0 name v1
ip link set v1 name lo
ip link set dev v1 name abcdefghijklmnop
ip link set dev v1 name abcdefghijklmno
ip -br link
