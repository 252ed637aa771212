/* Facts of netlink sockets that programs rely on, printed so that the
 * kernel's transcript and the preload shim's can be compared: the port ids
 * autobind gives (the process id for the first socket, negative ids below
 * -4096 after), and NETLINK_LIST_MEMBERSHIPS with NULL, short, exact and
 * long buffers before and after joining a group; SO_RCVBUF and SO_SNDBUF
 * as set; SCM_CREDENTIALS of the kernel's replies; a request spliced from a
 * pipe into a netlink socket. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *port_class(int fd) {
    struct sockaddr_nl a;
    socklen_t l = sizeof a;
    if (getsockname(fd, (void *)&a, &l) != 0) return "getsockname failed";
    int p = (int)a.nl_pid;
    if (p == 0) return "0 (unbound)";
    if (p == getpid()) return "the process id";
    if (p <= -4097) return "negative, below -4096";
    return "something else";
}

static void list(int fd, const char *what, int with_buf, socklen_t len) {
    unsigned char m[16];
    memset(m, 0xee, sizeof m);
    socklen_t l = len;
    int r = getsockopt(fd, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, with_buf ? m : NULL, &l);
    printf("LIST_MEMBERSHIPS %s, len %u: ", what, len);
    if (r != 0) { printf("errno %d\n", errno); return; }
    printf("ok, len %u, bytes", l);
    for (unsigned i = 0; i < 12; i++) printf(" %02x", m[i]);
    printf("\n");
}

int main(void) {
    int s[3];
    for (int i = 0; i < 3; i++) s[i] = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    printf("before bind: %s\n", port_class(s[0]));
    struct sockaddr_nl a = {.nl_family = AF_NETLINK};
    bind(s[1], (void *)&a, sizeof a);
    bind(s[0], (void *)&a, sizeof a);
    printf("first bound: %s\n", port_class(s[1]));
    printf("second bound: %s\n", port_class(s[0]));
    struct { struct nlmsghdr n; struct ifinfomsg i; } req = {{sizeof req, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 1, 0}, {0}};
    send(s[2], &req, sizeof req, 0);
    printf("autobound by send: %s\n", port_class(s[2]));
    list(s[0], "fresh, NULL", 0, 0);
    list(s[0], "fresh", 1, 16);
    int g = RTNLGRP_IPV4_IFADDR;
    setsockopt(s[0], SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &g, sizeof g);
    g = RTNLGRP_IPV6_RULE;
    setsockopt(s[0], SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &g, sizeof g);
    g = 37;
    printf("ADD_MEMBERSHIP 37: %s\n", setsockopt(s[0], SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &g, sizeof g) ? strerror(errno) : "ok");
    list(s[0], "joined, NULL", 0, 0);
    list(s[0], "joined", 1, 2);
    list(s[0], "joined", 1, 4);
    list(s[0], "joined", 1, 8);
    list(s[0], "joined", 1, 16);
    list(s[0], "joined", 1, (socklen_t)-1);
    int sizes[] = {0, 1, 1000, 1200, 5000, -1};
    for (unsigned i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        int b = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE), r = 0, w = 0;
        socklen_t l = sizeof r;
        setsockopt(b, SOL_SOCKET, SO_RCVBUF, &sizes[i], sizeof sizes[i]);
        setsockopt(b, SOL_SOCKET, SO_SNDBUF, &sizes[i], sizeof sizes[i]);
        getsockopt(b, SOL_SOCKET, SO_RCVBUF, &r, &l);
        getsockopt(b, SOL_SOCKET, SO_SNDBUF, &w, &l);
        printf("SO_RCVBUF/SO_SNDBUF %d: %d %d\n", sizes[i], r, w);
        close(b);
    }
    {
        int c = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE), on = 1;
        setsockopt(c, SOL_SOCKET, SO_PASSCRED, &on, sizeof on);
        send(c, &req, sizeof req, 0);
        static char data[32768];
        char control[256];
        struct iovec v = {data, sizeof data};
        struct msghdr mh = {.msg_iov = &v, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
        if (recvmsg(c, &mh, 0) > 0) {
            for (struct cmsghdr *h = CMSG_FIRSTHDR(&mh); h; h = CMSG_NXTHDR(&mh, h)) {
                if (h->cmsg_level == SOL_SOCKET && h->cmsg_type == SCM_CREDENTIALS) {
                    struct ucred u;
                    memcpy(&u, CMSG_DATA(h), sizeof u);
                    printf("SCM_CREDENTIALS from the kernel: pid %d uid %u gid %u\n", u.pid, u.uid, u.gid);
                }
            }
        }
        close(c);
    }
    int p[2];
    if (pipe(p) == 0) {
        int nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
        req.n.nlmsg_seq = 7;
        write(p[1], &req, sizeof req);
        ssize_t n = splice(p[0], NULL, nl, NULL, sizeof req, 0);
        static char buf[32768];
        int got = n > 0 ? recv(nl, buf, sizeof buf, 0) : -1;
        struct nlmsghdr *h = (void *)buf;
        printf("splice into netlink: %zd bytes, reply %s, seq %u\n", n, got > 0 ? (h->nlmsg_type == RTM_NEWLINK ? "RTM_NEWLINK" : "other") : "none",
               got > 0 ? h->nlmsg_seq : 0);
    }
    printf("LIST_MEMBERSHIPS NULL length pointer: %s\n",
           getsockopt(s[0], SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, NULL, NULL) ? strerror(errno) : "ok");
    return 0;
}
