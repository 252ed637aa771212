# creating and deleting a veth pair, duplicates
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link
ip link add v0 address 02:00:00:00:00:03 type veth peer name v2 address 02:00:00:00:00:04
ip link add v2 address 02:00:00:00:00:03 type veth peer name v1 address 02:00:00:00:00:04
ip link add name v3 address 02:00:00:00:00:05 type veth peer name v4 address 02:00:00:00:00:06
ip link show type veth
ip link del v0
ip link
ip link delete dev v4
ip link
ip link del v0
ip link del dev eth9
