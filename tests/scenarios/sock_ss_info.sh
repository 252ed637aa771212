# ss -i: TCP info of a listener and of both ends of an established connection on loopback
ip link set lo up
nc -l 127.0.0.1 5000 &
ss -tlin
nc 127.0.0.1 5000 &
ss -tin
ss -tlin
# with -e the options each end agreed on come first (ts sack)
ss -tine
ss -ti
