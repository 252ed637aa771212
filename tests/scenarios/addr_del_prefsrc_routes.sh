# deleting an address drops the main table's routes that named it as source (fib_sync_down_addr), not other tables'
ip link set lo up
ip link add v0 type veth peer name v1
ip link set v0 up
ip addr add dev v0 172.16.104.1/24
ip addr add dev v0 172.16.104.11/24
ip addr add dev v0 172.16.104.12/24
ip route add 172.16.105.0/24 via 172.16.104.2 src 172.16.104.11
ip route add 172.16.106.0/24 dev lo src 172.16.104.12
ip route add table 0 172.16.107.0/24 via 172.16.104.2 src 172.16.104.12
ip route add table 100 172.16.108.0/24 via 172.16.104.2 src 172.16.104.11
ip route
ip addr del dev v0 172.16.104.11/24
ip route
ip route show table 100
ip addr del dev v0 172.16.104.12/24
ip route
