import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

public class Sum {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        int n = Integer.parseInt(in.readLine().trim());
        String line = in.readLine();
        long sum = 0;
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = line.indexOf(' ', start);
            if (end < 0) end = line.length();
            sum += Long.parseLong(line, start, end, 10);
            start = end + 1;
        }
        System.out.println(sum);
    }
}
