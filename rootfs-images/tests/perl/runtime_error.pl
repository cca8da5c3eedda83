die "runtime error\n";
