# icmp_echo_ignore_all leaves echo requests unanswered, local ones too (icmp_echo; IPv6: icmpv6_rcv reads net.ipv6.icmp.echo_ignore_all)
ip link set lo up
ping -c 1 -W 1 127.0.0.1
sysctl -w net.ipv4.icmp_echo_ignore_all=1
ping -c 1 -W 1 127.0.0.1
ping -c 1 -W 1 ::1
sysctl -w net.ipv6.icmp.echo_ignore_all=1
ping -c 1 -W 1 ::1
sysctl net.ipv6.icmp
sysctl -w net.ipv4.icmp_echo_ignore_all=0
ping -c 1 -W 1 127.0.0.1
