/* Helpers for the checker: the feedback directory and the two verdicts. */
#ifndef CHECKLIB_H
#define CHECKLIB_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char feedback_path[4096];

static void feedback_dir(const char *dir) {
  snprintf(feedback_path, sizeof feedback_path, "%sjudgemessage.txt", dir);
}

static void accept(void) { exit(42); }

static void reject(const char *why) {
  FILE *f = fopen(feedback_path, "a");
  if (f) {
    fprintf(f, "%s\n", why);
    fclose(f);
  }
  exit(43);
}
#endif
