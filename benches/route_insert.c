/*
 * Times RTM_NEWROUTE on the running kernel with the exact datagrams iplab's
 * benchmark sends: reads the file benches/route_table.rs writes
 * (ROUTE_BATCHES_OUT; each datagram as a little-endian u32 length and its
 * bytes, 64 requests with NLM_F_ACK in each), sends each on a NETLINK_ROUTE
 * socket and reads the 64 acknowledgements before the next. No `ip`, no
 * text. Run it in a throwaway namespace (benches/route_insert.sh does).
 *
 *   route_insert FILE   prints: ROUTES FAILED SECONDS CPU_SECONDS
 *
 * CPU_SECONDS is the process's CPU time (user and system: the kernel does
 * the insert in the sender's context), which a busy machine inflates less
 * than the wall-clock SECONDS.
 */
#include <errno.h>
#include <linux/netlink.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double clock_of(clockid_t id) {
    struct timespec t;
    clock_gettime(id, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double now(void) { return clock_of(CLOCK_MONOTONIC); }
static double cpu(void) { return clock_of(CLOCK_PROCESS_CPUTIME_ID); }

/* Counts the requests in one datagram. */
static int requests_in(const unsigned char *d, uint32_t len) {
    int n = 0;
    uint32_t at = 0;
    while (at + sizeof(struct nlmsghdr) <= len) {
        const struct nlmsghdr *h = (const void *)(d + at);
        if (h->nlmsg_len < sizeof(*h) || at + h->nlmsg_len > len) break;
        n++;
        at += NLMSG_ALIGN(h->nlmsg_len);
    }
    return n;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: route_insert FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    if (fseek(f, 0, SEEK_END) != 0) { perror("fseek"); return 1; }
    long size = ftell(f);
    rewind(f);
    unsigned char *all = malloc(size > 0 ? size : 1);
    if (!all || fread(all, 1, size, f) != (size_t)size) { perror("read"); return 1; }
    fclose(f);

    int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (s < 0) { perror("socket"); return 1; }
    int rcv = 1 << 20;
    setsockopt(s, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof rcv);
    struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
    static unsigned char buf[1 << 16];
    long routes = 0, failed = 0;
    double start = now(), start_cpu = cpu();
    for (long at = 0; at + 4 <= size;) {
        uint32_t len;
        memcpy(&len, all + at, 4);
        at += 4;
        if (at + len > size) break;
        int want = requests_in(all + at, len);
        if (sendto(s, all + at, len, 0, (struct sockaddr *)&kernel, sizeof kernel) < 0) { perror("sendto"); return 1; }
        at += len;
        routes += want;
        while (want > 0) {
            ssize_t got = recv(s, buf, sizeof buf, 0);
            if (got < 0) { if (errno == EINTR) continue; perror("recv"); return 1; }
            for (struct nlmsghdr *h = (void *)buf; NLMSG_OK(h, got); h = NLMSG_NEXT(h, got)) {
                if (h->nlmsg_type != NLMSG_ERROR) continue;
                const struct nlmsgerr *e = NLMSG_DATA(h);
                if (e->error != 0) failed++;
                want--;
            }
        }
    }
    double took = now() - start, took_cpu = cpu() - start_cpu;
    printf("%ld %ld %.6f %.6f\n", routes, failed, took, took_cpu);
    return 0;
}
