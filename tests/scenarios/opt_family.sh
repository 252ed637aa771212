# -4, -6, -0 and -f/-family
ip link set lo up
ip -4 addr
ip -6 addr
ip -0 addr
ip -f inet addr
ip -family inet6 addr
ip -f link addr
ip -4 route show table local
ip -6 route show table local
ip -f inet6 route
ip -4 link
ip -f frob addr
ip -family
