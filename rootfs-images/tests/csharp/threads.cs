using System;
using System.Threading;

class Program {
  static long sum;

  static void Main() {
    var threads = new Thread[4];
    for (int i = 0; i < 4; i++) {
      long part = i + 1;
      threads[i] = new Thread(() => Interlocked.Add(ref sum, part));
      threads[i].Start();
    }
    foreach (var t in threads) t.Join();
    Console.WriteLine(Interlocked.Read(ref sum));
  }
}
