#include <iostream>
#include "twice.h"
int main() {
  long long x;
  if (std::cin >> x) std::cout << twice(x) << "\n";
}
