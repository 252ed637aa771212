# ip netns add, list, delete
ip netns
ip netns list
ip netns add a
ip netns add b
ip netns list
ip netns ls
ip netns add a
ip netns del b
ip netns list
ip netns delete b
ip netns add c
ip netns
ip netns list-id
ip netns del a
ip netns del c
ip netns list
ip netns add x
ip netns add y
ip -all netns delete
ip netns list
