// Accepts "1 2 ... n" on one line; the same numbers on several lines is a presentation error.
#include "testlib.h"
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char **argv) {
  if (argc < 4) quit(_fail, "usage: check input output answer");
  std::ifstream in(argv[1]), out(argv[2]);
  int n;
  if (!(in >> n)) quit(_fail, "bad input");
  std::string line, all, rest;
  std::getline(out, line);
  all = line;
  bool extraLines = false;
  while (std::getline(out, rest)) {
    if (!rest.empty()) extraLines = true;
    all += " " + rest;
  }
  std::istringstream tokens(all);
  for (int i = 1; i <= n; i++) {
    long long x;
    if (!(tokens >> x)) quit(_wa, "too few numbers");
    if (x != i) quit(_wa, "wrong number");
  }
  std::string junk;
  if (tokens >> junk) quit(_wa, "too many numbers");
  if (extraLines) quit(_pe, "numbers on more than one line");
  quit(_ok, "ok");
}
