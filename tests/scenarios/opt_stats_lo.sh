# -s and -s -s on lo, JSON statistics, and -d on lo and on addresses and routes
ip link set lo up
ip -s link show lo
ip -s -s link show lo
ip -j -s link show lo
ip -d link show lo
ip -d addr show lo
ip -d route show table local
ip -d -j addr show lo
ip -s addr show lo
ip -s -br link show lo
