# more filter options: grep -x -n -F -e, sort -n -k -t, head/tail forms, wc, cut -c, awk NF NR -F
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add br0 address 02:00:00:00:00:10 type bridge
ip link set v0 mtu 9000
ip link set v1 mtu 1280
ip -o link | grep -n 'mtu 1[0-9]*'
ip -o link | grep -F -e '@' | wc -l
ip -br link | grep -x 'lo .*'
ip -o link | grep -Eo 'mtu [0-9]+' | sort -k 2 -n
ip -o link | grep -Eo 'mtu [0-9]+' | sort -t ' ' -k2 -nr | head -n 2
ip -o link | awk '{print $5}' | sort -n
ip -o link | awk '{print NR, NF, $2}'
ip -o link | awk -F: '{print $2}'
ip -o link | cut -c1-12
ip -o link | cut -d: -f1,2 | tail -n +2
ip link | head -n -4
ip link | wc
ip -br link | grep -c -v DOWN
ip -br link | grep -i 'unknown\|br0'
ip -br link | grep -E '^(lo|br0) '
ip link | grep -ow 'lo'
ip -o link | grep -o 'link/[a-z]*' | sort | sort -u
ip netns add a1
ip netns add b2
ip netns add c3
ls /var/run/netns
ls /var/run/netns | wc -l
ls /var/run/netns /proc/sys/net/ipv4/conf
cat /proc/sys/net/ipv4/conf/v0/forwarding /proc/sys/net/ipv4/conf/br0/forwarding | sort | head -1
