# veth peers created straight into namespaces, renamed on the way, and namespace deletion
ip netns add a
ip netns add b
ip link add x address 02:00:00:00:00:01 netns a type veth peer name y address 02:00:00:00:00:02 netns b
ip -n a -br link
ip -n b -br link
ip -n a link set x netns b name x2
ip -n b -br link
ip -n b link set x2 up
ip -n b link set y up
ip -n b -br link
ip netns list
ip -n b link set y netns a
ip -n a -br link
ip netns del a
ip -n b -br link
ip netns del b
ip netns
ip -br link
