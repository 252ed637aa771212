/* Fork while other threads are inside the preload shim: threads keep
 * sending RTM_GETLINK dumps (each takes the shim's lock and the state
 * file's) while the main thread forks ITERATIONS times; each child opens a
 * netlink socket of its own, dumps the links and exits. A child that
 * deadlocks is killed by its alarm and counted as failed.
 * Prints "ok ..." or "FAIL ..." and "N passed, M failed". */
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define THREADS 4

static volatile int stop;

/* One RTM_GETLINK dump on a fresh socket; 0 when NLMSG_DONE arrived. */
static int dump_links(int fd, unsigned seq) {
    struct {
        struct nlmsghdr n;
        struct ifinfomsg i;
    } req = {{sizeof req, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, seq, 0}, {0}};
    if (send(fd, &req, sizeof req, 0) < 0) return -1;
    static __thread char buf[32768];
    for (;;) {
        int n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) return -1;
        for (struct nlmsghdr *h = (void *)buf; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_type == NLMSG_DONE) return 0;
            if (h->nlmsg_type == NLMSG_ERROR) return -1;
        }
    }
}

static void *talker(void *arg) {
    (void)arg;
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) return (void *)1;
    unsigned seq = 1;
    while (!stop)
        if (dump_links(fd, seq++) != 0) return (void *)1;
    close(fd);
    return NULL;
}

int main(int argc, char **argv) {
    int iterations = argc > 1 ? atoi(argv[1]) : 1000;
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, talker, NULL);
    int failed = 0, hung = 0;
    for (int i = 0; i < iterations; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            alarm(10);
            int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
            _exit(fd >= 0 && dump_links(fd, 1) == 0 ? 0 : 2);
        }
        if (pid < 0) { failed++; continue; }
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) hung++;
        else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) failed++;
    }
    stop = 1;
    int thread_failed = 0;
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        if (r) thread_failed++;
    }
    int pass = 0, fail = 0;
    if (hung == 0 && failed == 0) { printf("ok   %d forks while %d threads talk to the world: every child finished\n", iterations, THREADS); pass++; }
    else { printf("FAIL %d forks: %d children hung, %d failed\n", iterations, hung, failed); fail++; }
    if (thread_failed == 0) { printf("ok   the %d talking threads got every dump\n", THREADS); pass++; }
    else { printf("FAIL %d talking threads failed\n", thread_failed); fail++; }
    printf("%d passed, %d failed\n", pass, fail);
    return fail ? 1 : 0;
}
