# routing tables of a fresh namespace, before and after lo comes up
ip route
ip route show
ip route list
ip route show table all
ip route show table local
ip route show table main
ip -6 route
ip -6 route show table all
ip link set lo up
ip route show table all
ip -6 route show table all
ip route show table local
ip -4 route show table all
