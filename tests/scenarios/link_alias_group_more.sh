# groups by name and number, alias shown in JSON and brief, ip link set group for many
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 group 7
ip link set v1 group 7
ip link show group 7
ip -br link show group 7
ip link set group 7 up
ip -br link
ip link set group 7 mtu 1400
ip link show group 7
ip link set v0 alias "my uplink"
ip -j link show v0
ip link show v0
ip link set group frob up
ip link show group 99
