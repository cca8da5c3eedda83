/* checker input answer feedback_dir < team_output: one integer, equal to the answer's. */
#include "checklib.h"

int main(int argc, char **argv) {
  if (argc < 4) return 1;
  feedback_dir(argv[3]);
  FILE *ans = fopen(argv[2], "r");
  long long expected, got;
  char extra[2];
  if (!ans || fscanf(ans, "%lld", &expected) != 1) return 1;
  if (scanf("%lld", &got) != 1) reject("no integer in the output");
  if (scanf("%1s", extra) == 1) reject("more than one token in the output");
  if (got != expected) reject("wrong sum");
  accept();
}
