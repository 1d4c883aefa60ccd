// Decoding: encodings, BOMs, invalid and binary input, and the same facts from the sample reports
// in UTF-8, GB18030 and UTF-16.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include <algorithm>

#include "engine/normalize/normalizer.h"
#include "engine/rules/compiled_rule_set.h"
#include "engine/source/decoder.h"
#include "engine/source/offset_map.h"
#include "glean/engine.h"
#include "glean/rule_set.h"
#include "support/encode.h"
#include "support/run_command.h"

namespace glean::source {
namespace {

using testing::Encode;

TEST_CASE("decode: UTF-8 with and without BOM; the BOM counts in offsets") {
  Result<DecodedText> plain = Decode("改厕60户", Encoding::kAuto, "a.txt");
  REQUIRE(plain.ok());
  CHECK(plain.value().text == "改厕60户");
  CHECK(plain.value().encoding == Encoding::kUtf8);
  CHECK(plain.diagnostics().empty());

  Result<DecodedText> bom = Decode("\xEF\xBB\xBF改厕60户", Encoding::kAuto, "b.txt");
  REQUIRE(bom.ok());
  CHECK(bom.value().text == "改厕60户");
  CHECK(bom.value().map.MapStart(0) == 3);
  CHECK(bom.value().map.MapEnd(bom.value().text.size()) == 3 + std::string("改厕60户").size());
}

TEST_CASE("decode: UTF-16 with a BOM, little and big endian, offsets in its own bytes") {
  const std::string text = "改厕60户𠀀";
  for (const char* name : {"UTF-16LE", "UTF-16BE"}) {
    INFO(std::string(name));
    const bool little = std::string(name) == "UTF-16LE";
    const std::string bytes =
        (little ? std::string("\xFF\xFE") : std::string("\xFE\xFF")) + Encode(text, name);
    Result<DecodedText> decoded = Decode(bytes, Encoding::kAuto, "u16.txt");
    REQUIRE(decoded.ok());
    CHECK(decoded.value().text == text);
    CHECK(decoded.value().encoding == (little ? Encoding::kUtf16Le : Encoding::kUtf16Be));
    const size_t six = decoded.value().text.find('6');
    CHECK(decoded.value().map.MapStart(six) == 2 + 2 * 2);  // BOM, then two code units
    CHECK(decoded.value().map.MapEnd(decoded.value().text.size()) == bytes.size());
  }
}

TEST_CASE("decode: GB18030 is recognized without being told, and can be forced") {
  const std::string text = "均坪镇人民政府\n完成改厕60户，资金400余万元。";
  const std::string gb = Encode(text, "GB18030");
  Result<DecodedText> decoded = Decode(gb, Encoding::kAuto, "gb.txt");
  REQUIRE(decoded.ok());
  CHECK(decoded.value().encoding == Encoding::kGb18030);
  CHECK(decoded.value().text == text);
  CHECK(decoded.diagnostics().empty());
  const size_t six = decoded.value().text.find("60");
  CHECK(decoded.value().map.MapStart(six) == gb.find("60"));

  Result<DecodedText> forced = Decode(gb, Encoding::kGb18030, "gb.txt");
  REQUIRE(forced.ok());
  CHECK(forced.value().text == text);
}

TEST_CASE("decode: a UTF-8 file with a few corrupt bytes stays UTF-8 and warns once") {
  std::string bytes = "完成改厕60户，资金400余万元。完成改厕60户，资金400余万元。";
  bytes[3] = '\xFF';  // corrupts the second character
  Result<DecodedText> decoded = Decode(bytes, Encoding::kAuto, "bad.txt");
  REQUIRE(decoded.ok());
  CHECK(decoded.value().encoding == Encoding::kUtf8);
  REQUIRE(decoded.diagnostics().size() == 1);
  CHECK(decoded.diagnostics()[0].ToString() ==
        "bad.txt: warning[invalid-encoding]: invalid UTF-8 at byte 3: 3 bad sequences replaced by "
        "U+FFFD");
  // Later text keeps exact offsets.
  const std::string& text = decoded.value().text;
  const size_t figure = text.find("400");
  CHECK(decoded.value().map.MapStart(figure) == bytes.find("400"));
}

TEST_CASE("decode: NUL bytes are refused as binary") {
  const std::string bytes("abc\0def", 7);
  Result<DecodedText> decoded = Decode(bytes, Encoding::kAuto, "x.bin");
  REQUIRE_FALSE(decoded.ok());
  CHECK(decoded.diagnostics()[0].ToString() ==
        "x.bin: error[binary]: looks like a binary file (NUL byte at offset 3); not read");
}

TEST_CASE("decode: handing the bytes over gives the same result as decoding a view of them") {
  const std::string inputs[] = {"改厕60户",
                                "\xEF\xBB\xBF改厕60户",
                                "改\xFF厕",
                                std::string("a\0b", 3),
                                "",
                                "\xFF\xFE"
                                "a\0"};
  for (const std::string& input : inputs) {
    Result<DecodedText> view = Decode(input, Encoding::kAuto, "x");
    Result<DecodedText> owned = DecodeOwned(std::string(input), Encoding::kAuto, "x");
    CHECK(view.ok() == owned.ok());
    CHECK(view.diagnostics().size() == owned.diagnostics().size());
    if (!view.ok()) continue;
    CHECK(view.value().text == owned.value().text);
    CHECK(view.value().map.Describe() == owned.value().map.Describe());
  }
}

TEST_CASE("decode: an empty file is an empty text") {
  Result<DecodedText> decoded = Decode("", Encoding::kAuto, "empty.txt");
  REQUIRE(decoded.ok());
  CHECK(decoded.value().text.empty());
  CHECK(decoded.value().map.MapStart(0) == 0);
}

TEST_CASE("decode: random bytes never crash and map every position") {
  uint32_t seed = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string bytes;
    for (int i = 0; i < 257; ++i) {
      seed = seed * 1103515245 + 12345;
      char c = static_cast<char>(seed >> 16);
      bytes += c == 0 ? '\x01' : c;
    }
    for (Encoding encoding : {Encoding::kAuto, Encoding::kUtf8, Encoding::kGb18030,
                              Encoding::kUtf16Le, Encoding::kUtf16Be}) {
      Result<DecodedText> decoded = Decode(bytes, encoding, "junk");
      if (!decoded.ok()) continue;
      const DecodedText& text = decoded.value();
      CHECK(text.map.to_size() == text.text.size());
      CHECK(text.map.from_size() == bytes.size());
    }
  }
}

TEST_CASE("decode: the offset map snaps inside atomic pieces and is exact inside copies") {
  OffsetMap::Builder builder;
  builder.Copy(3);       // to [0,3) <- from [0,3)
  builder.Append(2, 3);  // to [3,5) <- from [3,6): one piece
  builder.Skip(2);       // from [6,8) dropped
  builder.Copy(4);       // to [5,9) <- from [8,12)
  const OffsetMap map = std::move(builder).Build();
  CHECK(map.MapStart(1) == 1);
  CHECK(map.MapStart(4) == 3);  // inside the piece: its start
  CHECK(map.MapEnd(4) == 6);    // inside the piece: its end
  CHECK(map.MapStart(5) == 8);  // after the dropped bytes
  CHECK(map.MapEnd(5) == 6);    // before the dropped bytes
  CHECK(map.MapEnd(9) == 12);
  CHECK(map.to_size() == 9);
  CHECK(map.from_size() == 12);
}

// Facts of the stock rules over one file, with what must not depend on the encoding.
struct FactView {
  std::string rule, fields;
  int line, column;
  bool operator==(const FactView&) const = default;
};

TEST_CASE("decode: the sample reports give the same facts in UTF-8, GB18030 and UTF-16LE") {
  Result<RuleSet> rules = RuleSet::Load({glean::testing::SourceDir() + "/rules"});
  REQUIRE(rules.ok());
  Result<Engine> engine = Engine::Create(std::move(rules).value());
  REQUIRE(engine.ok());
  Result<normalize::Normalizer> normalizer_result =
      normalize::Normalizer::Create(engine.value().rules().normalize_options());
  REQUIRE(normalizer_result.ok());
  const normalize::Normalizer& normalizer = normalizer_result.value();
  for (const char* name : {"anon-town-2022.txt", "junping-2021.txt", "junping-2023.txt",
                           "lijiang-2021-traditional.txt", "maotian-2021-pdf.txt"}) {
    INFO(std::string(name));
    const std::string utf8 =
        glean::testing::ReadFile(glean::testing::SourceDir() + "/tests/data/corpus/" + name);
    const std::pair<std::string, const char*> inputs[] = {
        {utf8, "UTF-8"},
        {Encode(utf8, "GB18030"), "GB18030"},
        {"\xFF\xFE" + Encode(utf8, "UTF-16LE"), "UTF-16LE"},
    };
    std::vector<FactView> reference;
    for (const auto& input : inputs) {
      const auto& [bytes, encoding] = input;
      INFO(std::string(input.second));
      Result<std::vector<Fact>> facts = engine.value().Extract(name, bytes);
      REQUIRE(facts.ok());
      CHECK(facts.diagnostics().empty());
      std::vector<FactView> views;
      for (const Fact& fact : facts.value()) {
        std::string fields;
        for (const Field& field : fact.fields) {
          fields += field.name + "=" + field.raw + " " + field.unit + ";";
        }
        views.push_back({fact.rule, fields, fact.line, fact.column});
        // The input's own bytes at [start, end) hold the fact's text, and that text, normalized,
        // is a whole match of the rule.
        CHECK(Encode(fact.text, encoding) == bytes.substr(fact.start, fact.end - fact.start));
        const auto& figure_rules = engine.value().rules().compiled().figure_rules;
        const bool of_figure_rule = std::any_of(figure_rules.begin(), figure_rules.end(),
                                                [&](const auto& r) { return r.id == fact.rule; });
        // A figure rule's fact is the figure's text, which no pattern of the rule spells out.
        if (fact.rule != "builtin.document" && !of_figure_rule) {
          const std::string normalized = normalizer.Normalize(fact.text).text;
          const auto& compiled = engine.value().rules().compiled().rules;
          auto rule = std::find_if(compiled.begin(), compiled.end(),
                                   [&](const auto& r) { return r.id == fact.rule; });
          REQUIRE(rule != compiled.end());
          CHECK(RE2::FullMatch(normalized, rule->pattern->regex()));
        }
      }
      if (reference.empty()) {
        reference = views;
        CHECK_FALSE(reference.empty());
      } else {
        CHECK(views == reference);
      }
    }
  }
}

}  // namespace
}  // namespace glean::source
