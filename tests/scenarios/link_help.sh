# ip link help and usage errors
ip link help
ip link frob
ip link set
ip link set frob up
ip link add v0 type frob
ip link add type veth
ip link show dev
ip link del
ip link set lo frob
