#include <atomic>
#include <iostream>
#include <thread>
#include <vector>

int main() {
  std::atomic<long> sum{0};
  std::vector<std::thread> threads;
  for (int i = 1; i <= 4; i++) threads.emplace_back([&sum, i] { sum += i; });
  for (auto &t : threads) t.join();
  std::cout << sum << "\n";
}
