my @blocks;
while (1) {
  push @blocks, "x" x (1 << 20);
}
