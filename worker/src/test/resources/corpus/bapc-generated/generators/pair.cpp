// pair limit seed; writes testcase.in itself rather than to stdout.
#include <cstdio>
#include "pair.h"
int main(int argc, char **argv) {
  if (argc < 3) return 1;
  if (!std::freopen("testcase.in", "w", stdout)) return 1;
  pair(std::atol(argv[1]), std::atol(argv[2]));
  return 0;
}
