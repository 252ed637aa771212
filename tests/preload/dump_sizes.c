/* Prints how a netlink dump arrives: for each recv, the datagram's size and
 * how many messages it holds. Dumps IPv4 routes twice (the second sees the
 * reader's earlier buffer size, as netlink_dump does) with a buffer of
 * argv[1] bytes. Run on Linux and through the preload shim on the same
 * routes: the two must print the same lines. */
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

int main(int argc, char **argv) {
    int size = argc > 1 ? atoi(argv[1]) : 32768;
    static char buf[65536];
    if (size <= 0 || size > (int)sizeof buf) return 2;
    int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    if (fd < 0) { perror("socket"); return 1; }
    struct {
        struct nlmsghdr n;
        struct rtmsg r;
    } req = {{sizeof req, RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, 1, 0}, {.rtm_family = AF_INET}};
    for (int round = 1; round <= 2; round++) {
        if (send(fd, &req, sizeof req, 0) < 0) { perror("send"); return 1; }
        for (int done = 0; !done;) {
            int got = recv(fd, buf, size, MSG_TRUNC);
            if (got <= 0) { perror("recv"); return 1; }
            int left = got < size ? got : size, msgs = 0;
            for (struct nlmsghdr *h = (void *)buf; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
                msgs++;
                if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) done = 1;
            }
            printf("dump %d: datagram of %d bytes, %d whole messages read%s\n", round, got, msgs, done ? ", done" : "");
        }
    }
    return 0;
}
