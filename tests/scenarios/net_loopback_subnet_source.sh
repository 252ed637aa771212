# Any address of 127.0.0.0/8 is local through the local table's route
# (__ip_dev_find's fallback): it may be a route's source and a bind address.
ip link set lo up
ip route get 127.0.0.1 from 127.0.0.2
ip route get 127.0.0.1 from 10.0.0.1
ping -c 1 -I 127.0.0.2 127.0.0.1
ping -c 1 -I 127.0.0.9 127.0.0.3
ping -c 1 -I 10.0.0.1 127.0.0.1
