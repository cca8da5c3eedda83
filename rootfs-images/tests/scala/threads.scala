import java.util.concurrent.atomic.AtomicLong

object Main {
  def main(args: Array[String]): Unit = {
    val sum = new AtomicLong()
    val threads = (1 to 4).map(i => new Thread(() => { sum.addAndGet(i.toLong); () }))
    threads.foreach(_.start())
    threads.foreach(_.join())
    println(sum.get())
  }
}
