// The floor under the route_table bench's lookup figure on this machine:
// one dependent random 8-byte read per probe into a table of MB mebibytes
// of 64-byte cells, 4,096 fixed probes (as the bench's lookups use),
// 300 passes, the fastest pass reported, with the table on 4 KiB pages
// or advised for transparent huge pages (MADV_HUGEPAGE, what the system's
// `madvise` THP mode needs).
//
//   cc -O2 -o /tmp/random_read benches/random_read.c && /tmp/random_read 32
// prints, for 4 KiB pages and huge pages:
//   32 MiB, huge pages advised: no, fastest pass N ns per read
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static double run(size_t bytes, int huge) {
  char *table = aligned_alloc(2 << 20, bytes);
  if (!table) {
    perror("aligned_alloc");
    exit(1);
  }
  if (huge) madvise(table, bytes, MADV_HUGEPAGE);
  memset(table, 1, bytes);
  size_t cells = bytes / 64;
  static uint32_t probes[4096];
  uint64_t s = 88172645463325252ull;
  for (int i = 0; i < 4096; i++) {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    probes[i] = (uint32_t)(s % cells);
  }
  double best = 1e18;
  volatile uint64_t sink = 0;
  for (int pass = 0; pass < 300; pass++) {
    double t0 = now_ns();
    uint64_t acc = 0;
    // Each read's address depends on the one before, as a trie walk's do.
    for (int i = 0; i < 4096; i++) acc += *(uint64_t *)(table + ((probes[i] + (acc & 1)) % cells) * 64);
    sink += acc;
    double per = (now_ns() - t0) / 4096;
    if (per < best) best = per;
  }
  free(table);
  return best;
}

int main(int argc, char **argv) {
  size_t mib = argc > 1 ? strtoul(argv[1], 0, 10) : 32;
  for (int huge = 0; huge <= 1; huge++)
    printf("%zu MiB, huge pages advised: %s, fastest pass %.1f ns per read\n", mib, huge ? "yes" : "no", run(mib << 20, huge));
  return 0;
}
