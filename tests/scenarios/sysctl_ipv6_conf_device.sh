# a device's IPv6 settings: mtu is the device's own, conf.default is copied when the device comes; IPv4 follows conf.default until set
ip link add v0 type veth peer name v1
sysctl net.ipv6.conf.v0.mtu
ip link set v0 mtu 1400
sysctl net.ipv6.conf.v0.mtu
sysctl -w net.ipv6.conf.v0.mtu=1300
sysctl -w net.ipv6.conf.v0.mtu=1600
sysctl -w net.ipv6.conf.v0.mtu=1000
sysctl net.ipv6.conf.v0.mtu
sysctl net.ipv6.conf.lo.mtu net.ipv6.conf.all.mtu net.ipv6.conf.default.mtu
sysctl -w net.ipv6.conf.default.mtu=1000
sysctl -w net.ipv6.conf.default.hop_limit=10
sysctl net.ipv6.conf.v0.hop_limit
ip link add w0 type veth peer name w1
sysctl net.ipv6.conf.w0.hop_limit net.ipv6.conf.w0.mtu
sysctl -w net.ipv4.conf.default.rp_filter=2
sysctl net.ipv4.conf.v0.rp_filter net.ipv4.conf.w0.rp_filter
sysctl -w net.ipv4.conf.w0.rp_filter=1
sysctl -w net.ipv4.conf.default.rp_filter=0
sysctl net.ipv4.conf.v0.rp_filter net.ipv4.conf.w0.rp_filter
