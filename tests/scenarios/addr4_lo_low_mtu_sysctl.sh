# lo under 68 loses its in_device and with it the net.ipv4.conf.lo directory (inetdev_destroy: devinet_sysctl_unregister); back at 68 a new in_device takes conf.default's values (inetdev_init)
sysctl -w net.ipv4.conf.lo.forwarding=1
sysctl -w net.ipv4.conf.lo.rp_filter=2
ip link set dev lo mtu 60
sysctl net.ipv4.conf.lo.forwarding
sysctl -w net.ipv4.conf.lo.forwarding=1
ls /proc/sys/net/ipv4/conf
ip link set lo up
ip addr show dev lo
ip link set dev lo mtu 65536
sysctl net.ipv4.conf.lo.forwarding
sysctl net.ipv4.conf.lo.rp_filter
ls /proc/sys/net/ipv4/conf
ip addr show dev lo
