import java.util.concurrent.atomic.AtomicLong;

public class Main {
  public static void main(String[] args) throws InterruptedException {
    AtomicLong sum = new AtomicLong();
    Thread[] threads = new Thread[4];
    for (int i = 0; i < 4; i++) {
      long part = i + 1;
      threads[i] = new Thread(() -> sum.addAndGet(part));
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    System.out.println(sum.get());
  }
}
