using System;

class Program {
  static void Main() {
    int[] values = new int[3];
    Console.WriteLine(values[10]);
  }
}
