// Output validator for anyfactor.
//
//   validator input_file answer_file feedback_dir [args] < team_output
//
// Accepts (exit 42) when the team output is exactly two positive integers a b
// with 1 < a <= b and a * b = n, n read from input_file. Anything else --
// no output, a non-number, a missing or an extra token, a number too long to
// be a factor -- is rejected (exit 43) with the reason in
// feedback_dir/judgemessage.txt. Broken judge data (unreadable input file, bad
// n) is a judge error: exit 1, never a verdict for the team.
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr int kAccept = 42;
constexpr int kReject = 43;
constexpr int kJudgeError = 1;
// A factor of n <= 10^12 has at most 13 digits; longer tokens are rejected
// before they are converted, so nothing can overflow.
constexpr std::size_t kMaxDigits = 13;

std::string feedback_dir;

void message(const std::string& text) {
  std::string path = feedback_dir + "judgemessage.txt";
  if (FILE* f = std::fopen(path.c_str(), "a")) {
    std::fputs(text.c_str(), f);
    std::fputc('\n', f);
    std::fclose(f);
  }
}

[[noreturn]] void reject(const std::string& why) {
  message("Wrong answer: " + why);
  std::exit(kReject);
}

[[noreturn]] void judge_error(const std::string& why) {
  std::fprintf(stderr, "judge error: %s\n", why.c_str());
  message("Judge error: " + why);
  std::exit(kJudgeError);
}

// Shortens a team token for messages (it may be megabytes of garbage).
std::string quote(const std::string& token) {
  std::string shown;
  for (char c : token.substr(0, 40)) {
    shown += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  }
  return "\"" + shown + (token.size() > 40 ? "...\"" : "\"");
}

bool is_space(int c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Reads whitespace-separated tokens from stdin; stops after `limit` tokens
// (the rest only needs to be known to exist).
std::vector<std::string> read_tokens(std::size_t limit, bool* more) {
  std::vector<std::string> tokens;
  std::string current;
  *more = false;
  int c;
  while ((c = std::getchar()) != EOF) {
    if (is_space(c)) {
      if (!current.empty()) {
        tokens.push_back(current);
        current.clear();
      }
      continue;
    }
    if (tokens.size() == limit) {
      *more = true;
      return tokens;
    }
    // Cap a single token's length: it is rejected anyway if it is this long.
    if (current.size() < 64) current += static_cast<char>(c);
  }
  if (!current.empty()) tokens.push_back(current);
  return tokens;
}

bool parse_factor(const std::string& token, std::uint64_t* value) {
  if (token.empty() || token.size() > kMaxDigits) return false;
  std::uint64_t v = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  *value = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s input_file answer_file feedback_dir [args] < team_output\n",
                 argv[0]);
    return kJudgeError;
  }
  feedback_dir = argv[3];
  if (feedback_dir.empty() || feedback_dir.back() != '/') feedback_dir += '/';

  FILE* in = std::fopen(argv[1], "r");
  if (in == nullptr) judge_error(std::string("cannot open input file ") + argv[1]);
  long long n = 0;
  if (std::fscanf(in, "%lld", &n) != 1 || n < 4 || n > 1000000000000LL) {
    judge_error("input file has no valid n");
  }
  std::fclose(in);

  bool more = false;
  std::vector<std::string> tokens = read_tokens(2, &more);
  if (tokens.empty()) reject("no output, expected two integers a b");
  if (tokens.size() < 2) reject("only one token " + quote(tokens[0]) + ", expected two integers a b");
  if (more) reject("trailing output after the two tokens " + quote(tokens[0]) + " " + quote(tokens[1]));

  std::uint64_t a = 0, b = 0;
  if (!parse_factor(tokens[0], &a)) reject("a = " + quote(tokens[0]) + " is not a possible factor of n");
  if (!parse_factor(tokens[1], &b)) reject("b = " + quote(tokens[1]) + " is not a possible factor of n");

  const std::string pair = "a = " + std::to_string(a) + ", b = " + std::to_string(b);
  if (a <= 1) reject(pair + ": a must be greater than 1");
  if (a > b) reject(pair + ": a must not be greater than b");
  // a, b < 10^13, so the product fits in 128 bits.
  unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  if (product != static_cast<unsigned __int128>(n)) {
    reject(pair + ": a * b is not n = " + std::to_string(n));
  }
  return kAccept;
}
