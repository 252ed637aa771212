# unknown objects, commands and options
ip frob
ip link frob
ip addr frob
ip route frob
ip neigh frob
ip rule frob
ip netns frob
ip x
ip -f
ip link show frob
ip link show dev lo frob
ip address show dev lo frob
