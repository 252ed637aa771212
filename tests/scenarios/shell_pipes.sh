# pipelines into grep, head, tail, wc, sort, cut, awk and column; ; and &&
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev v0
ip a | grep inet
ip -br link | grep -v lo
ip link | grep -c mtu
ip link | grep -E 'v0|v1' | wc -l
ip -o link | awk '{print $2}'
ip -o link | awk '/veth|v1/ {print $2, $NF}'
ip -br link | sort
ip -br link | sort -r | head -1
ip link | tail -2
ip link | tail -n 3 | head -n 1
ip -o link | cut -d' ' -f2
ip -o addr | cut -d ' ' -f 2,4 | sort -u
ip -br addr | column -t
ip link show v0 | grep -o 'mtu [0-9]*'
ip link | grep -i STATE | head -n 1
ip link | grep -io 'qdisc [a-z]*' | sort | wc -l
ip -o link | grep -w v0 | wc -w
ip link show nosuch | grep x
ip -c -br link | grep v1
ip route | grep -vc nothing
true && echo yes; false && echo no; echo after
echo a ; echo b && frob && echo c
ip link | grep
