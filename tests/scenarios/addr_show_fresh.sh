# ip address show in a fresh namespace, then with lo up
ip address
ip addr show
ip address show dev lo
ip addr show lo
ip -4 addr
ip -6 addr
ip addr show dev eth9
ip link set lo up
ip addr
ip -4 address show
ip -6 address show lo
ip addr list
