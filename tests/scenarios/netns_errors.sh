# ip netns help and errors
ip netns help
ip netns frob
ip netns add
ip netns del nope
ip netns add a b
ip netns list
ip netns exec nope echo hi
ip netns identify frob extra
ip netns identify frob
ip netns list-id frob
