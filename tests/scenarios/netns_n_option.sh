# the -n and -netns global options
ip netns add a
ip -n a link
ip -netns a addr
ip -n a link set lo up
ip -n a -br addr
ip -n a route show table local
ip -n nope link
ip -n a -4 -o addr
ip -n
ip -n a link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip -n a -br link
ip -br link
