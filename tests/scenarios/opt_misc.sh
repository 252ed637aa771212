# -r/-resolve, -a, -t, -iec, -human and -details combinations
ip link set lo up
ip -h -s link show lo
ip -iec -s link show lo
ip -t link show lo
ip -ts link show lo
ip -d -br link show lo
ip -o -d link show lo
ip -rc 5 link show lo
ip -loops 3 link show lo
ip -l 1 link show lo
