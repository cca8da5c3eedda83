static long long twice(long long x) { return {{factor}} * x; }
