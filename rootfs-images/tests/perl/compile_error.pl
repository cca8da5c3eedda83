sub main {
  print "unbalanced";
