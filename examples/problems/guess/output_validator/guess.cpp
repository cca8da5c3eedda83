// Interactive output validator for guess.
//
//   guess input_file answer_file feedback_dir [args] < submission_stdout > submission_stdin
//
// The secret x is the only number in input_file. The submission asks lines
// "? y"; each gets one line back: "<" (x < y), ">" (x > y) or "=" (x = y).
// Exit 42 after a correct guess within kMaxQueries queries and no output after
// it; exit 43 on a malformed or out-of-range query, too many queries, or the
// submission closing its output (exiting) before the guess. Every rejection
// says why in feedback_dir/judgemessage.txt. Exit 1 on broken judge data.
//
// The validator must never block the judge or die of a signal: SIGPIPE is
// ignored (a write to a submission that is gone fails with EPIPE and is a
// rejection), lines are length-capped, and EOF is checked at every read.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr int kAccept = 42;
constexpr int kReject = 43;
constexpr int kJudgeError = 1;
constexpr long long kMin = 1;
constexpr long long kMax = 1000000000;
constexpr int kMaxQueries = 31;
constexpr std::size_t kMaxLine = 100;

std::string feedback_dir;
int queries = 0;

std::string count_queries() {
  return std::to_string(queries) + (queries == 1 ? " query" : " queries");
}

void message(const std::string& text) {
  std::string path = feedback_dir + "judgemessage.txt";
  if (FILE* f = std::fopen(path.c_str(), "a")) {
    std::fprintf(f, "%s\n", text.c_str());
    std::fclose(f);
  }
}

[[noreturn]] void reject(const std::string& why) {
  message("Wrong answer (after " + count_queries() + "): " + why);
  std::exit(kReject);
}

[[noreturn]] void judge_error(const std::string& why) {
  std::fprintf(stderr, "judge error: %s\n", why.c_str());
  message("Judge error: " + why);
  std::exit(kJudgeError);
}

std::string printable(const std::string& s) {
  std::string out;
  for (unsigned char c : s) out += (c >= 32 && c < 127) ? static_cast<char>(c) : '?';
  return out;
}

// Reads one line from the submission (without the newline). Returns false at
// EOF before any character. Rejects lines longer than kMaxLine.
bool read_line(std::string* line) {
  line->clear();
  int c;
  while ((c = std::getchar()) != EOF && c != '\n') {
    if (line->size() == kMaxLine) reject("line longer than " + std::to_string(kMaxLine) + " characters");
    *line += static_cast<char>(c);
  }
  return c != EOF || !line->empty();
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> tokens;
  std::string current;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\r') {
      if (!current.empty()) tokens.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) tokens.push_back(current);
  return tokens;
}

// Parses a query "? y" into y, or rejects.
long long parse_query(const std::string& line) {
  std::vector<std::string> tokens = split(line);
  if (tokens.size() != 2 || tokens[0] != "?") {
    reject("expected a query \"? y\", got \"" + printable(line) + "\"");
  }
  const std::string& number = tokens[1];
  if (number.size() > 10 || number.find_first_not_of("0123456789") != std::string::npos) {
    reject("query \"" + printable(line) + "\": y is not an integer in [1, 10^9]");
  }
  long long y = std::atoll(number.c_str());
  if (y < kMin || y > kMax) reject("query " + number + " is outside [1, 10^9]");
  return y;
}

void answer(const char* reply) {
  if (std::printf("%s\n", reply) < 0 || std::fflush(stdout) != 0) {
    reject(std::string("the submission stopped reading (") + std::strerror(errno) + ")");
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s input_file answer_file feedback_dir [args]\n", argv[0]);
    return kJudgeError;
  }
  feedback_dir = argv[3];
  if (feedback_dir.empty() || feedback_dir.back() != '/') feedback_dir += '/';

  FILE* in = std::fopen(argv[1], "r");
  if (in == nullptr) judge_error(std::string("cannot open input file ") + argv[1]);
  long long x = 0;
  if (std::fscanf(in, "%lld", &x) != 1 || x < kMin || x > kMax) judge_error("no valid secret in the input file");
  std::fclose(in);

  std::string line;
  for (;;) {
    if (!read_line(&line)) reject("the submission's output ended before it guessed the number");
    if (queries == kMaxQueries) {
      reject("a query beyond the limit of " + std::to_string(kMaxQueries) + " queries");
    }
    long long y = parse_query(line);
    queries++;
    if (y == x) break;
    answer(x < y ? "<" : ">");
  }
  // A submission that exits right after its correct guess, without reading
  // this reply, has still solved the test: a failed write is not an error here.
  std::printf("=\n");
  std::fflush(stdout);

  // Nothing but whitespace may follow the correct guess.
  int c;
  while ((c = std::getchar()) != EOF) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') reject("output after the correct guess");
  }
  message("Guessed " + std::to_string(x) + " with " + count_queries());
  return kAccept;
}
