# ip netns identify, set and list-id
ip netns add a
ip netns add b
ip netns identify
ip netns exec a ip netns identify
ip netns exec b ip netns identify
ip netns set a 5
ip netns list
ip netns list-id
ip netns set b 5
ip netns set b auto
ip netns list
ip netns set nope 3
ip netns set a frob
ip netns exec a ip netns list
