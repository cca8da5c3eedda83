class Program {
  static volatile int n;

  static void Main() {
    for (;;) {
      n++;
    }
  }
}
