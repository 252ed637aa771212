# -j, -json, -p and -pretty across objects
ip link set lo up
ip -j link show lo
ip -json -pretty link show lo
ip -j -p addr show lo
ip -j route show table local
ip -j -p -6 route show table local
ip -j rule
ip -j neigh
ip -j netns list
ip -p link show lo
ip -pretty addr show lo
ip -j -p
