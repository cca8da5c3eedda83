fun main() {
    val (a, b) = readln().trim().split(" ").map { it.toLong() }
    println(a + b)
}
