# ip's global options before netns exec: -c, -4, -n NS, -all, unknown options
ip netns add r
ip netns add a
ip -c netns exec r sysctl -w net.ipv4.ip_forward=1
ip -4 netns exec r sysctl net.ipv4.ip_forward
ip -n a netns exec r sysctl -n net.ipv4.ip_forward
ip -d -s netns exec a sysctl -n net.ipv4.ip_forward
ip -c -all netns exec sysctl -n net.ipv4.ip_forward
ip -n zz netns exec r true
ip -c netns exec zz true
ip -c netns exec r frob
ip -x netns exec r true
ip -c -n r link show lo
ip -j netns exec r ip link show lo
sysctl net.ipv4.ip_forward
