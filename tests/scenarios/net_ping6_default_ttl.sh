# net.ipv4.ip_default_ttl is IPv4's: an ICMPv6 echo reply takes the IPv6 hop limit (icmpv6_echo_reply → ip6_dst_hoplimit), an ICMPv4 one the IPv4 default
sysctl -w net.ipv4.ip_default_ttl=5
ip link set lo up
ip addr add fd00::3/128 dev lo
ping -c 1 -W 1 fd00::3
ping -c 1 -W 1 127.0.0.1
