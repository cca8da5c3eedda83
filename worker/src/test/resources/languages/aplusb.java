import java.util.*;
import java.util.concurrent.*;
public class Main {
  public static void main(String[] args) throws Exception {
    Scanner s = new Scanner(System.in);
    long a = s.nextLong(), b = s.nextLong();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Future<Long> f = pool.submit(() -> a + b);
    System.out.println(f.get());
    pool.shutdown();
  }
}
