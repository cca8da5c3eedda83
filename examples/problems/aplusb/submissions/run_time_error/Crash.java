import java.util.Scanner;

public class Crash {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        long a = in.nextLong();
        long b = in.nextLong();
        // a - a is 0: uncaught ArithmeticException, the JVM exits with status 1.
        System.out.println((a + b) / (a - a));
    }
}
