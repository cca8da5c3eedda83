public class Main {
  public static void main(String[] args) {
    int[] values = new int[3];
    System.out.println(values[10]);
  }
}
