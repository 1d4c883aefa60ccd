// Issue 21, "nothing lost silently": what the `extract` binary does when writing, walking folders,
// reading rules and golden files goes wrong. Each case states the exact exit status and message.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "support/encode.h"
#include "support/run_command.h"
#include "support/scratch_dir.h"

namespace glean::testing {
namespace {

namespace fs = std::filesystem;

constexpr char kToiletRule[] =
    "rules:\n"
    "  - id: t\n"
    "    fact: toilets\n"
    "    pattern: '改厕{count:int}户'\n";

CommandResult Extract(const std::vector<std::string>& args, const std::string& input = "") {
  std::vector<std::string> argv = {ExtractBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, input, SourceDir());
}

// Runs `script` in bash with $EXTRACT set to the binary under test, in the source tree.
CommandResult Shell(const std::string& script) {
  return RunCommand({"/bin/bash", "-c", "EXTRACT='" + ExtractBinary() + "'; " + script}, "",
                    SourceDir());
}

TEST_CASE("issue 21: every writer reports a full disk and exits 1") {
  ScratchDir dir;
  const std::string rules = dir.Write("r.yaml", kToiletRule);
  const std::string input = dir.Write("in.txt", "全村改厕60户。\n");
  const std::vector<std::string> commands = {
      "\"$EXTRACT\" --rules rules/ tests/data/corpus",
      "\"$EXTRACT\" normalize tests/data/corpus/junping-2021.txt",
      "\"$EXTRACT\" outline tests/data/corpus/junping-2021.txt",
      "\"$EXTRACT\" schema",
      "\"$EXTRACT\" test --rules " + rules + " --color=never",
      "\"$EXTRACT\" --rules " + rules + " " + input,
  };
  for (const std::string& command : commands) {
    INFO(command);
    CommandResult result = Shell(command + " > /dev/full");
    CHECK(result.exit_code == 1);
    CHECK(result.err == "error[io]: cannot write output: No space left on device\n");
  }
}

TEST_CASE("issue 21: a broken pipe ends quietly with status 141 when SIGPIPE is ignored") {
  CommandResult result = Shell(
      "trap '' PIPE; \"$EXTRACT\" --rules rules/ tests/data/corpus tests/data/corpus "
      "tests/data/corpus | head -c 1 > /dev/null; echo \"${PIPESTATUS[0]}\"");
  CHECK(result.out == "141\n");
  CHECK(result.err == "");
}

// Makes at `top` a chain of folders whose full path is longer than the system accepts (PATH_MAX),
// so that a walk cannot examine the last ones, whoever runs the test (a permission would not stop
// root). Returns the path of the first folder a walk cannot read. Remove it with RemoveTree.
std::string MakeTooDeepFolder(const std::string& top) {
  const std::string name(200, 'd');
  std::string path = top;
  fs::create_directories(path);
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  std::string unreadable;
  for (int level = 0; level < 24; ++level) {
    REQUIRE(::mkdirat(fd, name.c_str(), 0755) == 0);
    const int next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
    ::close(fd);
    REQUIRE(next >= 0);
    fd = next;
    path += "/" + name;
    if (unreadable.empty() && path.size() >= PATH_MAX) unreadable = path;
  }
  // A file at the bottom, which the walk cannot reach.
  const int file = ::openat(fd, "lost.txt", O_WRONLY | O_CREAT, 0644);
  ::close(file);
  ::close(fd);
  return unreadable;
}

// Removes what MakeTooDeepFolder made; std::filesystem cannot, for the same reason.
void RemoveTree(const std::string& top) { RunCommand({"/bin/rm", "-rf", top}); }

TEST_CASE(
    "issue 21: an unreadable folder among the inputs is an error; the other inputs are read") {
  ScratchDir dir;
  const std::string rules = dir.Write("rules/r.yaml", kToiletRule);
  dir.Write("in/a.txt", "全村改厕60户。\n");
  dir.Write("in/z.txt", "全村改厕70户。\n");
  const std::string lost = MakeTooDeepFolder(dir / "in/m");
  CommandResult result = Extract({"--rules", rules, "--no-document", dir / "in"});
  RemoveTree(dir / "in/m");
  CHECK(result.exit_code == 1);
  CHECK(result.err == lost + ": error[io]: cannot read: File name too long\n");
  CHECK(result.out.find("\"count\":{\"value\":60") != std::string::npos);
  CHECK(result.out.find("\"count\":{\"value\":70") != std::string::npos);
}

TEST_CASE("issue 21: an unreadable folder among the rules exits 2, also for check") {
  ScratchDir dir;
  dir.Write("rules/a.yaml", kToiletRule);
  const std::string lost = MakeTooDeepFolder(dir / "rules/deep");
  const std::string input = dir.Write("in.txt", "全村改厕60户。\n");
  CommandResult extract = Extract({"--rules", dir / "rules", input});
  CommandResult check = Extract({"check", dir / "rules"});
  RemoveTree(dir / "rules/deep");
  const std::string message =
      lost + ": error[io]: cannot read: File name too long\n" +
      dir /
          "rules/a.yaml:2:9: warning[no-examples]: rule 't' has no examples "
          "(rule t)\n";
  CHECK(extract.exit_code == 2);
  CHECK(extract.err == message);
  CHECK(extract.out == "");
  CHECK(check.exit_code == 2);
  CHECK(check.err == message);
}

TEST_CASE("issue 21: an unreadable folder under extract test fails the run") {
  ScratchDir dir;
  const std::string rules = dir.Write("r.yaml", kToiletRule);
  const std::string unreadable = MakeTooDeepFolder(dir / "deep");
  CommandResult result = Extract({"test", "--rules", rules, dir.path(), "--color=never"});
  RemoveTree(dir / "deep");
  CHECK(result.exit_code == 1);
  CHECK(result.err == unreadable + ": error[io]: cannot read: File name too long\n");
  CHECK(result.out == "0 passed, 1 failed\n");
}

TEST_CASE("issue 21: a walk says once what it skips: FIFOs and dangling links") {
  ScratchDir dir;
  const std::string rules = dir.Write("r.yaml", kToiletRule);
  dir.Write("in/a.txt", "全村改厕60户。\n");
  REQUIRE(::mkfifo((dir / "in/fifo.txt").c_str(), 0644) == 0);
  fs::create_symlink(dir / "in/gone.txt", dir / "in/link.txt");
  dir.Write("rules/r.yaml", kToiletRule);
  REQUIRE(::mkfifo((dir / "rules/fifo.yaml").c_str(), 0644) == 0);
  CommandResult result = Extract({"--rules", dir / "rules", "--no-document", dir / "in"});
  CHECK(result.exit_code == 0);
  CHECK(result.err == dir / "rules" +
                          ": warning[skipped]: skipped 1 entry that is no regular file: " +
                          dir / "rules/fifo.yaml (a FIFO)\n" + dir / "in" +
                          ": warning[skipped]: skipped 2 entries that are no regular file: " +
                          dir / "in/fifo.txt (a FIFO), " + dir / "in/link.txt (a dangling link)\n");
  CHECK(result.out.find("\"count\":{\"value\":60") != std::string::npos);
}

constexpr char kShareRule[] =
    "rules:\n"
    "  - id: t\n"
    "    fact: f\n"
    "    pattern: '比例{n:number}'\n";

std::string ShareFact(const std::string& value, const std::string& start, const std::string& end,
                      const std::string& doc = "a.txt") {
  return "{\"doc\":\"" + doc + "\",\"rule\":\"t\",\"fact\":\"f\",\"text\":\"比例" + value +
         "\",\"start\":" + start + ",\"end\":" + end +
         ",\"line\":1,\"column\":1,\"fields\":{\"n\":{\"value\":" + value + ",\"raw\":\"" + value +
         "\"}},\"section\":[],\"status\":\"result\"}\n";
}

TEST_CASE("issue 21: extract test reports a golden fact with impossible offsets, never aborts") {
  const std::pair<std::string, std::string> rows[] = {
      {ShareFact("12.5", "10", "0"), "not a fact: 'start' (10) is after 'end' (0)"},
      {ShareFact("12.5", "-1", "10"),
       "not a fact: 'start' must be a whole number from 0 to 18446744073709551615, not -1"},
      {ShareFact("12.5", "0", "1e81"),
       "not a fact: 'end' must be a whole number from 0 to 18446744073709551615, not 1e+81"},
      {ShareFact("12.5", "0", "10.5"),
       "not a fact: 'end' must be a whole number from 0 to 18446744073709551615, not 10.5"},
  };
  for (const auto& row : rows) {
    const std::string& golden = row.first;
    const std::string& message = row.second;
    INFO(golden);
    ScratchDir dir;
    const std::string rules = dir.Write("r.yaml", kShareRule);
    const std::string input = dir.Write("a.txt", "比例12.5。\n");
    const std::string golden_path = dir.Write("a.facts.jsonl", golden);
    CommandResult result = Extract({"test", "--rules", rules, input, "--color=never"});
    CHECK(result.exit_code == 1);
    CHECK(result.err == golden_path + ":1:1: error[golden]: " + message + "\n");
    CHECK(result.out == "0 passed, 1 failed\n");
  }
}

TEST_CASE("issue 21: a golden path that is a folder fails its input") {
  ScratchDir dir;
  const std::string rules = dir.Write("r.yaml", kShareRule);
  const std::string input = dir.Write("a.txt", "比例12.5。\n");
  fs::create_directory(dir / "a.facts.jsonl");
  CommandResult result = Extract({"test", "--rules", rules, input, "--color=never"});
  CHECK(result.exit_code == 1);
  CHECK(result.err == dir / "a.facts.jsonl" + ": error[golden]: is a folder, not a golden file\n");
  CHECK(result.out == "0 passed, 1 failed\n");
}

TEST_CASE("issue 21: golden numbers compare digit for digit, beyond a double's precision") {
  ScratchDir dir;
  const std::string rules = dir.Write("r.yaml", kShareRule);
  const std::string input = dir.Write("a.txt", "比例12345678901234567.25。\n");
  dir.Write("a.facts.jsonl", ShareFact("12345678901234567.25", "0", "26"));
  CommandResult same = Extract({"test", "--rules", rules, input, "--color=never"});
  CHECK(same.exit_code == 0);
  CHECK(same.out == "1 passed, 0 failed\n");
  dir.Write("a.facts.jsonl", ShareFact("12345678901234567.5", "0", "26"));
  CommandResult differs = Extract({"test", "--rules", rules, input, "--color=never"});
  CHECK(differs.exit_code == 1);
  CHECK(differs.out.find("n: 12345678901234567.5 raw '12345678901234567.5' → 12345678901234567.25 "
                         "raw '12345678901234567.25'") != std::string::npos);
}

TEST_CASE("issue 21: a file name that is not UTF-8 is escaped, so each line stays valid JSON") {
  ScratchDir dir;
  const std::string rules = dir.Write("r.yaml", kShareRule);
  const std::string input = dir.Write("n\xff.txt", "比例12.5。\n");
  CommandResult result = Extract({"--rules", rules, "--no-document", input});
  CHECK(result.exit_code == 0);
  const std::string doc = dir / "n\\\\xFF.txt";
  CHECK(result.out == "{\"doc\":\"" + doc +
                          "\",\"rule\":\"t\",\"fact\":\"f\",\"text\":\"比例12.5\",\"start\":0,"
                          "\"end\":10,\"line\":1,\"column\":1,\"fields\":{\"n\":{\"value\":12.5,"
                          "\"raw\":\"12.5\"}},\"section\":[],\"status\":\"result\"}\n");
}

std::set<std::string> Listing(const std::string& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

TEST_CASE("issue 21: test --update keeps the golden's mode and leaves no temporary file") {
  ScratchDir dir;
  const std::string rules = dir.Write("r.yaml", kShareRule);
  const std::string input = dir.Write("g/a.txt", "比例12.5。\n");
  const std::string golden = dir.Write("g/a.facts.jsonl", "");
  fs::permissions(golden, fs::perms(0640));
  CommandResult result = Extract({"test", "--rules", rules, "--update", input, "--color=never"});
  CHECK(result.exit_code == 0);
  CHECK(ReadFile(golden) == ShareFact("12.5", "0", "10", input));
  CHECK(fs::status(golden).permissions() == fs::perms(0640));
  CHECK(Listing(dir / "g") == std::set<std::string>{"a.txt", "a.facts.jsonl"});
}

TEST_CASE("issue 21: test --update writes through a golden that is a link, and keeps the link") {
  ScratchDir dir;
  const std::string rules = dir.Write("r.yaml", kShareRule);
  const std::string input = dir.Write("g/a.txt", "比例12.5。\n");
  const std::string real = dir.Write("store/a.facts.jsonl", "");
  fs::create_symlink(real, dir / "g/a.facts.jsonl");
  CommandResult result = Extract({"test", "--rules", rules, "--update", input, "--color=never"});
  CHECK(result.exit_code == 0);
  CHECK(fs::is_symlink(dir / "g/a.facts.jsonl"));
  CHECK(ReadFile(real) == ShareFact("12.5", "0", "10", input));
  CHECK(Listing(dir / "store") == std::set<std::string>{"a.facts.jsonl"});
}

TEST_CASE("issue 21: test --update never follows a link planted where a temporary file would go") {
  ScratchDir dir;
  const std::string rules = dir.Write("r.yaml", kShareRule);
  const std::string input = dir.Write("g/a.txt", "比例12.5。\n");
  const std::string victim = dir.Write("victim", "keep me\n");
  fs::create_symlink(victim, dir / "g/a.facts.jsonl.tmp");
  CommandResult result = Extract({"test", "--rules", rules, "--update", input, "--color=never"});
  CHECK(result.exit_code == 0);
  CHECK(ReadFile(victim) == "keep me\n");
  CHECK(ReadFile(dir / "g/a.facts.jsonl") == ShareFact("12.5", "0", "10", input));
}

TEST_CASE(
    "issue 21: Ctrl-C while test --update writes a golden leaves the old golden, no temporary") {
  ScratchDir dir;
  const std::string rules = dir.Write("r.yaml", kShareRule);
  // Enough facts that writing and syncing the golden takes a while to interrupt.
  std::string text;
  for (int line = 0; line < 60000; ++line) text += "比例12.5。\n";
  dir.Write("g/a.txt", text);
  // The old golden is empty: no facts expected yet.
  const std::string golden = dir.Write("g/a.facts.jsonl", "");
  // Waits until the temporary file exists, then interrupts: the run is stopped in the middle of
  // writing the golden. A run that ends before the wait sees the file is retried.
  const std::string script =
      "cd '" + dir.path() +
      "' || exit 9; for try in 1 2 3 4 5 6 7 8; do "
      "\"$EXTRACT\" test --rules r.yaml --update g/a.txt --color=never "
      ">/dev/null 2>&1 & pid=$!; "
      "until compgen -G 'g/.a.facts.jsonl.*' >/dev/null; do "
      "kill -0 $pid 2>/dev/null || break; done; "
      "kill -INT $pid 2>/dev/null; wait $pid; status=$?; "
      "[ -s g/a.facts.jsonl ] && { echo replaced; exit 0; }; "
      "[ $status = 130 ] && { echo interrupted; exit 0; }; done; echo missed";
  CommandResult result = Shell(script);
  CHECK(result.out == "interrupted\n");
  CHECK(ReadFile(golden).empty());
  CHECK(Listing(dir / "g") == std::set<std::string>{"a.txt", "a.facts.jsonl"});
}

TEST_CASE(
    "issue 21: an endless input stops at --max-input-size; the other inputs' facts are given") {
  ScratchDir dir;
  const std::string rules = dir.Write("r.yaml", kShareRule);
  const std::string input = dir.Write("a.txt", "比例12.5。\n");
  CommandResult result =
      Extract({"--rules", rules, "--no-document", "--max-input-size", "1MB", "/dev/zero", input});
  CHECK(result.exit_code == 1);
  CHECK(result.err ==
        "/dev/zero: error[io]: larger than --max-input-size (1048576 bytes); not read\n");
  CHECK(result.out == ShareFact("12.5", "0", "10", input));
  // A file that states its size is refused before it is read.
  const std::string big = dir.Write("big.txt", std::string(2 << 20, 'x'));
  CommandResult sized = Extract({"--rules", rules, "--max-input-size", "1MB", big});
  CHECK(sized.exit_code == 1);
  CHECK(sized.err == big + ": error[io]: larger than --max-input-size (1048576 bytes); not read\n");
}

TEST_CASE("issue 21: an endless rule file is an error, not a crash") {
  CommandResult result = Extract({"check", "/dev/zero"});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "/dev/zero: error[io]: rule file is larger than 16 MB; not read\n");
}

TEST_CASE("issue 21: a NUL late in a streamed file says which facts were given") {
  ScratchDir dir;
  const std::string rules = dir.Write("r.yaml", kShareRule);
  std::string text;
  for (int i = 0; i < 6000; ++i) text += "比例12.5。\n";
  const std::string input = dir.Write("a.txt", text + '\0' + "比例1.5。\n");
  CommandResult result = Extract({"--rules", rules, "--no-document", "--part-size", "1KB", input});
  CHECK(result.exit_code == 1);
  CHECK(result.err ==
        input +
            ": error[binary]: NUL byte at offset 84000: looks like a binary file from "
            "there on; the facts of its first 83930 bytes are given, the rest is not "
            "read\n");
  CHECK(std::count(result.out.begin(), result.out.end(), '\n') == 5995);
}

TEST_CASE("issue 21: standard input from a pipe is streamed, with the facts of the same file") {
  ScratchDir dir;
  std::string text;
  for (int i = 0; i < 400; ++i) text += "一般性描述文字。比例" + std::to_string(i) + ".5。\n";
  const std::string input = dir.Write("a.txt", text);
  const std::vector<std::string> args = {"--rules", "tests/bad_inputs/files/share.yaml",
                                         "--part-size", "1KB"};
  std::vector<std::string> from_file = args, from_pipe = args;
  from_file.push_back(input);
  from_pipe.push_back("-");
  CommandResult file = Extract(from_file);
  CommandResult pipe = Extract(from_pipe, text);
  CHECK(file.exit_code == 0);
  CHECK(pipe.exit_code == 0);
  CHECK(pipe.err == "");
  std::string expected = file.out;
  for (size_t at = expected.find(input); at != std::string::npos; at = expected.find(input)) {
    expected.replace(at, input.size(), "-");
  }
  CHECK(pipe.out == expected);
}

TEST_CASE("issue 21: a FIFO is streamed like standard input: facts come before it ends") {
  ScratchDir dir;
  std::string half;
  for (int i = 0; i < 3000; ++i) half += "一般性描述文字。比例" + std::to_string(i) + ".5。\n";
  const std::string input = dir.Write("a.txt", half + half);
  dir.Write("half.txt", half);
  REQUIRE(::mkfifo((dir / "f").c_str(), 0600) == 0);
  // The writer sends the second half only once facts of the first have come out (or after 20 s,
  // then saying so): read whole, the FIFO would give no fact before its end.
  const std::string script =
      "cd '" + dir.path() +
      "' || exit 9; { cat half.txt; for i in $(seq 400); do [ -s out ] && break; sleep 0.05; "
      "done; [ -s out ] && echo streamed >&2 || echo 'read whole' >&2; cat half.txt; } > f & "
      "\"$EXTRACT\" --rules \"$OLDPWD/tests/bad_inputs/files/share.yaml\" --no-document "
      "--part-size 16KB f > out; status=$?; wait; exit $status";
  CommandResult fifo = Shell(script);
  CHECK(fifo.exit_code == 0);
  CHECK(fifo.err == "streamed\n");
  CommandResult file = Extract({"--rules", "tests/bad_inputs/files/share.yaml", "--no-document",
                                "--part-size", "16KB", input});
  std::string expected = file.out;
  for (size_t at = expected.find(input); at != std::string::npos; at = expected.find(input)) {
    expected.replace(at, input.size(), "f");
  }
  CHECK(ReadFile(dir / "out") == expected);
}

TEST_CASE("issue 21: a line longer than 8 MB is cut at a character boundary, with a warning") {
  ScratchDir dir;
  std::string line;
  while (line.size() < (9 << 20)) line += "比例12.5，";
  const std::string input = dir.Write("a.txt", line);
  CommandResult result =
      Extract({"--rules", "tests/bad_inputs/files/share.yaml", "--no-document", input});
  CHECK(result.exit_code == 0);
  CHECK(result.err == input +
                          ": warning[long-line]: a line longer than 8388608 bytes is cut into "
                          "parts, first at byte 4194304; a fact across a cut is lost\n");
  // Every cut falls between two characters: no fact's text is broken, at most one lost per cut.
  const size_t facts = std::count(result.out.begin(), result.out.end(), '\n');
  CHECK(facts >= line.size() / 13 - 3);
  CHECK(result.out.find("\xEF\xBF\xBD") == std::string::npos);
}

// `utf8` as UTF-16 with its BOM, little- or big-endian.
std::string Utf16(const std::string& utf8, bool little_endian) {
  std::u16string units;
  for (size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k)
      c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += static_cast<size_t>(length);
    if (c >= 0x10000) {
      units += static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
      units += static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      units += static_cast<char16_t>(c);
    }
  }
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t unit : units) {
    const char low = static_cast<char>(unit & 0xFF), high = static_cast<char>(unit >> 8);
    out += little_endian ? std::string{low, high} : std::string{high, low};
  }
  return out;
}

TEST_CASE("issue 21: UTF-16 input is streamed in parts, with the facts of the whole file") {
  ScratchDir dir;
  for (const bool little_endian : {true, false}) {
    for (const char* name : {"anon-town-2022.txt", "junping-2023.txt", "maotian-2021-pdf.txt"}) {
      INFO(name);
      INFO(little_endian);
      const std::string input = dir.Write(
          name, Utf16(ReadFile(SourceDir() + "/tests/data/corpus/" + name), little_endian));
      CommandResult whole = Extract({"--rules", "rules/", "--part-size", "100MB", input});
      REQUIRE(whole.exit_code == 0);
      CHECK(std::count(whole.out.begin(), whole.out.end(), '\n') > 10);
      for (const char* part : {"1KB", "5KB"}) {
        INFO(part);
        CommandResult streamed = Extract({"--rules", "rules/", "--part-size", part, input});
        CHECK(streamed.exit_code == 0);
        CHECK(streamed.err == whole.err);
        CHECK(streamed.out == whole.out);
      }
    }
  }
}

TEST_CASE("issue 21: memory for a 48 MB UTF-16 file follows the part size, not the file") {
  ScratchDir dir;
  std::string text;
  while (text.size() < (24 << 20)) text += "一般性描述文字，比例12.5。\n";
  const std::string input = dir.Write("a.txt", Utf16(text, true));
  text = std::string();
  // Extracted whole, this file takes some 400 MB.
  CommandResult result = Shell(
      "/usr/bin/time -f %M \"$EXTRACT\" --rules tests/bad_inputs/files/share.yaml "
      "--no-document --part-size 1MB -j1 " +
      input + " 2>&1 > /dev/null");
  INFO(result.out);
  CHECK(result.exit_code == 0);
#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer's shadow and quarantine hold far more
  CHECK(std::stoul(result.out) < 100 * 1024);  // KB
#endif
}

TEST_CASE("issue 21: a streamed report's year does not depend on the part size") {
  ScratchDir dir;
  std::string text;
  for (int i = 0; i < 60; ++i) text += "关于乡村工作的情况说明材料。\n";
  text += "一、2022年工作开展情况\n";
  for (int i = 0; i < 200; ++i) text += "全年完成改厕60户。\n";
  const std::string input = dir.Write("a.txt", text);
  CommandResult whole = Extract({"--rules", "rules/", "--part-size", "100MB", input});
  REQUIRE(whole.exit_code == 0);
  CHECK(whole.out.find("\"year\":{\"value\":2022") != std::string::npos);
  for (const char* part : {"1KB", "4KB"}) {
    INFO(part);
    CommandResult streamed = Extract({"--rules", "rules/", "--part-size", part, input});
    CHECK(streamed.out == whole.out);
  }
}

}  // namespace
}  // namespace glean::testing

namespace glean::testing {
namespace {

TEST_CASE("issue 21: a streamed file that starts with ASCII alone is decoded as the whole file") {
  // ASCII reads the same in UTF-8 and GB18030: the encoding is decided on the first other bytes,
  // which here are GB18030, far past the first part.
  ScratchDir dir;
  std::string head;
  for (int i = 0; i < 3000; ++i)
    head += "Page header of the scanned report, line " + std::to_string(i) + "\n";
  std::string body;
  for (int i = 0; i < 200; ++i) body += "全年完成改厕60户。\n";
  const std::string input = dir.Write("a.txt", head + Encode(body, "GB18030"));
  CommandResult whole = Extract({"--rules", "rules/", "--part-size", "100MB", input});
  REQUIRE(whole.exit_code == 0);
  CHECK(whole.err == "");
  CHECK(whole.out.find("改厕60户") != std::string::npos);
  for (const char* part : {"1KB", "16KB"}) {
    INFO(part);
    CommandResult streamed = Extract({"--rules", "rules/", "--part-size", part, input});
    CHECK(streamed.exit_code == 0);
    CHECK(streamed.err == "");
    CHECK(streamed.out == whole.out);
  }
}

TEST_CASE("issue 21: a streamed file that turns from UTF-8 to GB18030 says so, with the offset") {
  ScratchDir dir;
  std::string head;
  for (int i = 0; i < 3000; ++i) head += "全年完成改厕60户。\n";
  std::string tail;
  for (int i = 0; i < 200; ++i) tail += "全年完成改厕60户。\n";
  const std::string input = dir.Write("a.txt", head + Encode(tail, "GB18030"));
  CommandResult streamed =
      Extract({"--rules", "rules/", "--no-document", "--part-size", "16KB", input});
  CHECK(streamed.exit_code == 0);
  // The first GB18030 character, 全 (C8 AB), happens to be a valid UTF-8 sequence too: the
  // first bad one is the next.
  CHECK(streamed.err.find(input + ": warning[mixed-encoding]: the bytes from offset " +
                          std::to_string(head.size() + 2) + " on are not UTF-8") !=
        std::string::npos);
  // The UTF-8 start keeps all its facts.
  size_t facts = 0;
  for (size_t at = streamed.out.find("改厕60户"); at != std::string::npos;
       at = streamed.out.find("改厕60户", at + 1)) {
    ++facts;
  }
  CHECK(facts == 3000);
}

}  // namespace
}  // namespace glean::testing
