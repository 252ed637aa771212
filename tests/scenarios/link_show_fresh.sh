# ip link show/list in a fresh namespace, by name and by dev, and unknown devices
ip link
ip link show
ip link list
ip link ls
ip link show lo
ip link show dev lo
ip link show eth9
ip link show dev eth9
ip link show up
ip link set lo up
ip link show up
ip link show lo up
