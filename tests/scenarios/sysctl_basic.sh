# sysctl: read, -n, -w, errors; forwarding switches
sysctl net.ipv4.ip_forward
sysctl -n net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=1
sysctl net.ipv4.ip_forward
sysctl net.ipv4.conf.all.forwarding
sysctl net.ipv4.conf.default.forwarding
sysctl net.ipv4.conf.lo.forwarding
sysctl -w net.ipv4.ip_forward=0
sysctl net.ipv4.conf.all.forwarding
sysctl net.ipv4.frob
sysctl -w net.ipv4.frob=1
sysctl -w net.ipv4.ip_forward=frob
sysctl net.ipv6.conf.all.forwarding
sysctl -w net.ipv6.conf.all.forwarding=1
sysctl net.ipv6.conf.lo.forwarding
