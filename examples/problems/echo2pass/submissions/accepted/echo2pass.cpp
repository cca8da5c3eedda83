// Pass 1 (marker 1): print the word reversed. Pass 2 (marker 2): print it as given.
#include <algorithm>
#include <iostream>
#include <string>

int main() {
    int pass;
    std::string word;
    std::cin >> pass >> word;
    if (pass == 1) std::reverse(word.begin(), word.end());
    std::cout << word << '\n';
}
