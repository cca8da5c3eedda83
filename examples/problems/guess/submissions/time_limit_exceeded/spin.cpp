// Never asks anything: burns CPU until the time limit kills it, while the
// judge waits for a question.
int main() {
    volatile unsigned long long counter = 0;
    for (;;) counter++;
}
