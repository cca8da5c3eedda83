// A stand-in for testlib.h, written for this test: the judge recognises a testlib checker by this
// file, and the checker next to it follows testlib's conventions (check input output answer; exit
// 0 OK, 1 WA, 2 PE, 3 FAIL; the message on stderr).
#pragma once
#include <cstdio>
#include <cstdlib>
enum TResult { _ok = 0, _wa = 1, _pe = 2, _fail = 3 };
[[noreturn]] inline void quit(TResult result, const char *message) {
  std::fprintf(stderr, "%s\n", message);
  std::exit(result);
}
