// Multi-pass output validator for echo2pass.
//
//   validator input_file answer_file feedback_dir [args] < team_output
//
// Pass 1: input_file is "1\n<s>\n"; the team must print s reversed. On
// success the validator writes feedback_dir/nextpass.in = "2\n<reversed s>\n"
// and exits 42, which asks the judge for pass 2.
// Pass 2: the team gets that nextpass.in and must print the string unchanged.
// On success the validator exits 42 and writes no nextpass.in: judging ends.
// Any wrong output: exit 43, the reason in judgemessage.txt (appended, so the
// messages of both passes stay together).
//
// Which pass is this? The validator keeps a state file in feedback_dir, which
// the format guarantees to persist between passes (only nextpass.in is
// removed). That works whether the judge hands the validator the original
// .in or the pass's own input as input_file; without the state file, a "2"
// marker in input_file also means pass 2.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr int kAccept = 42;
constexpr int kReject = 43;
constexpr int kJudgeError = 1;
constexpr std::size_t kMaxToken = 2000;  // strings are at most 1000 letters

std::string feedback_dir;

void message(const std::string& text) {
  std::ofstream(feedback_dir + "judgemessage.txt", std::ios::app) << text << '\n';
}

[[noreturn]] void reject(int pass, const std::string& why) {
  message("Pass " + std::to_string(pass) + ": wrong answer: " + why);
  std::exit(kReject);
}

[[noreturn]] void judge_error(const std::string& why) {
  std::cerr << "judge error: " << why << '\n';
  message("Judge error: " + why);
  std::exit(kJudgeError);
}

bool read_file(const std::string& path, std::string* content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *content = buffer.str();
  return true;
}

bool write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  return static_cast<bool>(out);
}

std::string shorten(const std::string& s) {
  std::string out;
  for (unsigned char c : s.substr(0, 40)) out += (c >= 32 && c < 127) ? static_cast<char>(c) : '?';
  return "\"" + out + (s.size() > 40 ? "...\"" : "\"");
}

// Reads at most two whitespace-separated tokens of the team output (each cut
// at kMaxToken characters) and whether there is anything after the first.
std::vector<std::string> team_tokens() {
  std::vector<std::string> tokens;
  std::string current;
  int c;
  while ((c = std::getchar()) != EOF) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!current.empty()) tokens.push_back(current);
      current.clear();
      if (tokens.size() == 2) break;
    } else if (current.size() < kMaxToken) {
      current += static_cast<char>(c);
    }
  }
  if (!current.empty() && tokens.size() < 2) tokens.push_back(current);
  return tokens;
}

void check_output(int pass, const std::string& expected) {
  std::vector<std::string> tokens = team_tokens();
  if (tokens.empty()) reject(pass, "no output");
  if (tokens.size() > 1) reject(pass, "more than one word in the output (" + shorten(tokens[1]) + ")");
  if (tokens[0] != expected) {
    reject(pass, "expected " + shorten(expected) + ", got " + shorten(tokens[0]));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: " << argv[0] << " input_file answer_file feedback_dir [args] < team_output\n";
    return kJudgeError;
  }
  feedback_dir = argv[3];
  if (feedback_dir.empty() || feedback_dir.back() != '/') feedback_dir += '/';
  const std::string state_path = feedback_dir + "echo2pass_state.txt";

  std::string input;
  if (!read_file(argv[1], &input)) judge_error(std::string("cannot read input file ") + argv[1]);
  std::istringstream fields(input);
  std::string marker, text;
  if (!(fields >> marker >> text) || (marker != "1" && marker != "2")) {
    judge_error("input file is not \"<pass> <string>\"");
  }

  std::string remembered;
  if (read_file(state_path, &remembered) || marker == "2") {
    // Pass 2: the string given in this pass must come back unchanged.
    const std::string expected = remembered.empty() ? text : remembered;
    check_output(2, expected);
    message("Pass 2: accepted (echoed " + shorten(expected) + ")");
    return kAccept;
  }

  // Pass 1: reverse.
  const std::string reversed(text.rbegin(), text.rend());
  check_output(1, reversed);
  if (!write_file(state_path, reversed) || !write_file(feedback_dir + "nextpass.in", "2\n" + reversed + "\n")) {
    judge_error("cannot write to the feedback directory " + feedback_dir);
  }
  message("Pass 1: accepted (reversed " + shorten(text) + ")");
  return kAccept;
}
