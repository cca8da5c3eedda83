import java.io.IOException;

public class AplusB {
    public static void main(String[] args) throws IOException {
        String[] tokens = new String(System.in.readAllBytes()).trim().split("\\s+");
        long a = Long.parseLong(tokens[0]);
        long b = Long.parseLong(tokens[1]);
        System.out.println(a + b);
    }
}
