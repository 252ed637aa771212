# ip -6 addr change with a new peer address: the old peer's route goes, the new one comes at the address's metric
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip -6 addr add fd40::1 peer fd40::2 dev v0 nodad metric 260
ip -6 route show dev v0
ip -6 addr change fd40::1 peer fd40::3 dev v0 metric 261
ip -6 route show dev v0
ip -6 addr show dev v0
ip -6 addr change fd40::1 peer fd40::3 dev v0 metric 262
ip -6 route show dev v0
ip -6 addr change fd40::1 dev v0 metric 263
ip -6 route show dev v0
ip -6 addr show dev v0
