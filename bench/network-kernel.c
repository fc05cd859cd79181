/*
 * The all-pairs search of src/domain/network/all-pairs-whole.ts written in C, to tell how much of its
 * time is the algorithm and how much is JavaScript (issue 7: "all pairs for 300 nodes and 3,000 links
 * in well under 10 ms"). Same graph, same search: a whole-minute bucket queue over platforms (a node
 * on one line), a node settled by its first platform and boarded once at its time + the penalty; one
 * full search per source (no symmetric shortcut). Run by hand, never in CI:
 *
 *   npx tsx bench/network-bench.ts --dump-graph /tmp/network.bin
 *   gcc -O2 -o /tmp/network-kernel bench/network-kernel.c && /tmp/network-kernel /tmp/network.bin
 *
 * It prints the CPU time per all-pairs pass and the same checksum as the bench (the sum of all finite
 * times), so both sides are known to compute the same matrix.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define UNREACHED 0x3fffffff
#define PENALTY 10

static int *read_ints(FILE *f, int count) {
  int *a = malloc(sizeof(int) * (size_t)count);
  if (!a || fread(a, sizeof(int), (size_t)count, f) != (size_t)count) { fprintf(stderr, "short graph file\n"); exit(1); }
  return a;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: %s graph.bin\n", argv[0]); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  int *header = read_ints(f, 4);
  int n = header[0], platforms = header[1], rides = header[2], max_weight = header[3];
  int *ride_start = read_ints(f, platforms + 1), *ride_to = read_ints(f, rides), *ride_minutes = read_ints(f, rides);
  int *board_start = read_ints(f, n + 1), *board_platform = read_ints(f, platforms), *platform_node = read_ints(f, platforms);
  fclose(f);

  int ring = 1;
  while (ring <= (max_weight > PENALTY ? max_weight : PENALTY)) ring <<= 1;
  int mask = ring - 1, capacity = rides + n + 8;
  int *platform_dist = malloc(sizeof(int) * (size_t)platforms), *node_dist = malloc(sizeof(int) * (size_t)n);
  int *head = malloc(sizeof(int) * (size_t)ring), *item = malloc(sizeof(int) * (size_t)capacity), *next = malloc(sizeof(int) * (size_t)capacity);
  int *matrix = malloc(sizeof(int) * (size_t)n * (size_t)n);
  enum { RUNS = 30, WARMUP = 5 };
  double cpu_ms[RUNS];

  for (int run = 0; run < RUNS + WARMUP; run++) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    for (int source = 0; source < n; source++) {
      for (int i = 0; i < platforms; i++) platform_dist[i] = UNREACHED;
      for (int i = 0; i < n; i++) node_dist[i] = UNREACHED;
      for (int i = 0; i < ring; i++) head[i] = -1;
      /* entries: platform p → p; boarding at node h → platforms + h (the source boards free at 0) */
      int used = 1, pending = 1;
      item[0] = platforms + source; next[0] = -1; head[0] = 0;
      node_dist[source] = 0;
      for (int key = 0; pending > 0; key++) {
        int slot = key & mask;
        for (int entry = head[slot]; entry >= 0; entry = head[slot]) {
          head[slot] = next[entry];
          pending--;
          int x = item[entry], b, b_end, single;
          if (x >= platforms) { b = board_start[x - platforms]; b_end = board_start[x - platforms + 1]; single = -1; }
          else if (platform_dist[x] != key) continue;
          else { b = 0; b_end = 1; single = x; }
          for (; b < b_end; b++) {
            int p = single;
            if (p < 0) {
              p = board_platform[b];
              if (key >= platform_dist[p]) continue;
              platform_dist[p] = key;
            }
            int h = platform_node[p];
            if (node_dist[h] == UNREACHED) {
              node_dist[h] = key;
              int at = (key + PENALTY) & mask;
              item[used] = platforms + h; next[used] = head[at]; head[at] = used++; pending++;
            }
            for (int e = ride_start[p]; e < ride_start[p + 1]; e++) {
              int v = ride_to[e], dv = key + ride_minutes[e];
              if (dv >= platform_dist[v]) continue;
              platform_dist[v] = dv;
              int at = dv & mask;
              item[used] = v; next[used] = head[at]; head[at] = used++; pending++;
            }
          }
        }
      }
      memcpy(matrix + (size_t)source * (size_t)n, node_dist, sizeof(int) * (size_t)n);
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    if (run >= WARMUP) cpu_ms[run - WARMUP] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
  }
  long long checksum = 0;
  for (long i = 0; i < (long)n * n; i++) if (matrix[i] < UNREACHED) checksum += matrix[i];
  qsort(cpu_ms, RUNS, sizeof(double), compare_doubles);
  printf("C, one full search per source (%d nodes, %d platforms, %d rides): cpu median %.2f ms, min %.2f ms (checksum %lld)\n", n, platforms, rides, cpu_ms[RUNS / 2], cpu_ms[0], checksum);
  return 0;
}
