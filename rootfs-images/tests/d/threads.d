import core.atomic;
import core.thread;
import std.stdio;

shared long sum;

// A closure per call: each thread gets its own part.
Thread adder(long part) {
    return new Thread({ atomicOp!"+="(sum, part); });
}

void main() {
    Thread[] threads;
    foreach (i; 1 .. 5) {
        threads ~= adder(i).start();
    }
    foreach (t; threads) {
        t.join();
    }
    writeln(atomicLoad(sum));
}
