package dev.judgefleet.worker.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EntryPointTest {
  @Test
  void javaUsesThePublicClass() {
    String source =
        """
        import java.util.*;
        // public class NotThis {}
        class Helper {}
        public final class Solution {
          public static void main(String[] a) {}
        }
        """;
    assertEquals("Solution", EntryPoint.JAVA_MAIN_CLASS.mainName(source, "Main"));
  }

  @Test
  void javaFallsBackToTheFirstClassThenToTheDefault() {
    assertEquals("A", EntryPoint.JAVA_MAIN_CLASS.mainName("class A { }\nclass B {}", "Main"));
    assertEquals("Main", EntryPoint.JAVA_MAIN_CLASS.mainName("/* class X */ int x;", "Main"));
  }

  @Test
  void kotlinAndFixed() {
    assertEquals("MainKt", EntryPoint.KOTLIN_MAIN_KT.mainName("fun main() {}", "x"));
    assertEquals("main", EntryPoint.FIXED.mainName("int main(){}", "main"));
  }
}
