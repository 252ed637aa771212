# /proc/sys/net read with cat and written with echo V > FILE; ls of /var/run/netns
cat /proc/sys/net/ipv4/ip_forward
echo 1 > /proc/sys/net/ipv4/ip_forward
cat /proc/sys/net/ipv4/ip_forward
sysctl net.ipv4.ip_forward
echo abc > /proc/sys/net/ipv4/ip_forward
echo 1 > /proc/sys/net/ipv4/nosuch
echo 1 > /proc/sys/net/ipv4
cat /proc/sys/net/ipv4
cat /proc/sys/net/ipv4/nosuch /proc/sys/net/ipv4/ip_forward
cat /proc/sys/net/ipv6/conf/lo/disable_ipv6 /proc/sys/net/ipv4/conf/all/forwarding
echo 1 > /proc/sys/net/ipv6/conf/all/forwarding
sysctl net.ipv6.conf.all.forwarding
ls /var/run/netns
ip netns add r
ip netns add blue
ip netns exec r cat /proc/sys/net/ipv4/ip_forward
nsenter --net=/var/run/netns/r cat /proc/sys/net/ipv4/conf/lo/forwarding
ls /var/run/netns
ls /run/netns/
ls /var/run/netns/r /var/run/netns/zz
ls /proc/sys/net/ipv4/conf
ls /proc/sys/net/ipv4/conf | grep l
