import java.util.concurrent.atomic.AtomicLong
import kotlin.concurrent.thread

fun main() {
    val sum = AtomicLong()
    val threads = (1..4).map { i -> thread { sum.addAndGet(i.toLong()) } }
    threads.forEach { it.join() }
    println(sum.get())
}
