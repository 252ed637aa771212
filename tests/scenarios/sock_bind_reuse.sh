# ports shared by SO_REUSEPORT (two nc listeners), refused between nc and http.server (SO_REUSEADDR only), :: covering IPv4
ip netns add h1
ip netns exec h1 python3 -m http.server 8000 &
ip netns exec h1 nc -lk 8000 &
ip netns exec h1 nc -l 9000 &
ip netns exec h1 nc -lk 9000 &
ip netns exec h1 python3 -m http.server 9000 &
ip netns exec h1 nc -lu 5000 &
ip netns exec h1 nc -lu 5000 &
ip netns exec h1 ss -tln sport = :9000
ip netns exec h1 ss -uln
ip netns exec h1 nc -6 -l 9000 &
ip netns exec h1 ss -tln sport = :8000
