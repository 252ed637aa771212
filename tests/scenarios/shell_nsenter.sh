# nsenter --net=PATH and -nPATH with a command, as tutorials type them
ip netns add r
nsenter --net=/var/run/netns/r ip link show
nsenter --net=/run/netns/r sysctl -w net.ipv4.ip_forward=1
nsenter -n/var/run/netns/r sysctl net.ipv4.ip_forward
nsenter --net=/var/run/netns/r -- sysctl -n net.ipv4.ip_forward
sysctl net.ipv4.ip_forward
nsenter -n /var/run/netns/r true
nsenter --net /var/run/netns/r true
nsenter --net=/var/run/netns/zz true
nsenter --net=/var/run/netns/r frob
ip netns exec r nsenter --net=/var/run/netns/r sysctl -n net.ipv4.ip_forward
