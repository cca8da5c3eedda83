fun main() {
    val values = intArrayOf(1, 2, 3)
    println(values[10])
}
