// A pair of numbers summing to nothing in particular.
#include <cstdio>
#include <cstdlib>
inline void pair(long limit, long seed) {
  std::srand(static_cast<unsigned>(seed));
  std::printf("%ld %ld\n", std::rand() % limit, -(std::rand() % limit));
}
