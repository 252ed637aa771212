# curl -w: the write-out variables a tutorial prints (status, addresses and ports, sizes, exit code, error) after a fetch, a refused connection and a timeout
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add eth0 address 02:00:00:00:01:01 netns h1 type veth peer name eth0 address 02:00:00:00:01:02 netns h2
ip -n h1 addr add 10.0.0.1/24 dev eth0
ip -n h2 addr add 10.0.0.2/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip -n h1 link set lo up
ip netns exec h2 python3 -m http.server 8000 &
ip netns exec h1 curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port} from %{local_ip}\n' http://10.0.0.2:8000/
ip netns exec h1 curl -s -o /dev/null -w 'code=%{response_code} size=%{size_download} headers=%{size_header} request=%{size_request} type=%{content_type}\n' 10.0.0.2:8000/missing
ip netns exec h1 curl -sI -w '%{http_code} %{http_version} %{scheme} %{method} %{num_connects} %{exitcode} %{url_effective}\n' 10.0.0.2:8000
ip netns exec h1 curl -s -w '%{http_code}=%{remote_ip}=%{remote_port}=%{local_port}=%{exitcode}=%{errormsg}=%{scheme}=%{url_effective}\n' 10.0.0.2:81
ip netns exec h1 curl -s -m 1 -w '%{http_code} %{exitcode} %{errormsg}\n' 10.0.0.9
ip netns exec h1 curl -s -o /dev/null -w '%{http_code} %{bogus}\n' 10.0.0.2:8000/x
ip netns exec h1 curl -s -o /dev/null -w '%{url_effective} %{remote_ip}\n' http://127.0.0.1:80
