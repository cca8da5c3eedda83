object Main {
  def main(args: Array[String]): Unit = {
    val values = Array(1, 2, 3)
    println(values(10))
  }
}
