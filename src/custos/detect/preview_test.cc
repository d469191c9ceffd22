#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "custos/detect/detector.h"

namespace custos::detect {
namespace {

// The straightforward implementation (one code point at a time) that the fast paths of
// preview.cc must match byte for byte.
namespace reference {

size_t Utf8Len(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Calls f(code_point_bytes) for each code point (an invalid byte counts as one).
template <typename F>
void ForEachCodePoint(std::string_view v, F&& f) {
  for (size_t i = 0; i < v.size();) {
    size_t n = std::min(Utf8Len(static_cast<unsigned char>(v[i])), v.size() - i);
    f(v.substr(i, n));
    i += n;
  }
}

// Letters, digits, CJK and any byte that is not ASCII count as content (masked);
// ASCII punctuation and spaces are separators (kept, so the shape stays visible).
bool IsContent(std::string_view cp) {
  if (cp.size() != 1) return true;
  const auto c = static_cast<unsigned char>(cp[0]);
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t ContentLength(std::string_view v) {
  size_t n = 0;
  ForEachCodePoint(v, [&](std::string_view cp) { n += IsContent(cp) ? 1u : 0u; });
  return n;
}

// Keeps the first `head` and last `tail` content characters; separators stay.
void KeepEnds(std::string& out, std::string_view v, size_t head, size_t tail) {
  const size_t content = ContentLength(v);
  if (head + tail >= content) {
    // Too short to show both ends: show only the first character.
    head = content > 1 ? 1 : 0;
    tail = 0;
  }
  size_t seen = 0;
  ForEachCodePoint(v, [&](std::string_view cp) {
    if (!IsContent(cp)) {
      out.append(cp);
      return;
    }
    if (seen < head || seen >= content - tail) {
      out.append(cp);
    } else {
      out.push_back('*');
    }
    ++seen;
  });
}


void AppendMaskedPreview(std::string& out, Category category, std::string_view value) {
  switch (category) {
    case Category::kCnResidentId:
    case Category::kBankCardNumber:
      KeepEnds(out, value, 6, 4);
      return;
    case Category::kPhoneNumber: {
      // An international prefix ("+86 ", "0086-") stays; the national number shows its
      // first three and last four digits, as on Chinese receipts.
      size_t national = 0;
      if (!value.empty() && (value[0] == '+' || value.starts_with("00"))) {
        national = value.find_first_of(" -(", 1);
        if (national == std::string_view::npos) national = 0;
      }
      out.append(value.substr(0, national));
      KeepEnds(out, value.substr(national), 3, 4);
      return;
    }
    case Category::kPersonName: {
      bool word_start = true, first = true;
      ForEachCodePoint(value, [&](std::string_view cp) {
        if (cp == " " || cp == "\u00B7" || cp == "\u30FB" || cp == "." || cp == "-") {
          out.append(cp);
          word_start = true;
          return;
        }
        const bool cjk = cp.size() > 1;
        if (first || (word_start && !cjk)) {
          out.append(cp);
        } else {
          out.push_back('*');
        }
        first = false;
        word_start = false;
      });
      return;
    }
    case Category::kEmailAddress: {
      size_t at = value.rfind('@');
      if (at == std::string_view::npos || at == 0) {
        KeepEnds(out, value, 1, 0);
        return;
      }
      out.append(value.substr(0, std::min(Utf8Len(static_cast<unsigned char>(value[0])), at)));
      out.append("***");
      out.append(value.substr(at));
      return;
    }
    case Category::kCredentialSecret:
      out.append("********");
      return;
    case Category::kHealthInfo:
      out.append("****");
      return;
    case Category::kPostalAddress: {
      size_t count = 0;
      ForEachCodePoint(value, [&](std::string_view) { ++count; });
      const size_t keep = count > 8 ? 6 : count / 2;
      size_t i = 0;
      ForEachCodePoint(value, [&](std::string_view cp) {
        if (i++ < keep) out.append(cp);
      });
      out.append("****");
      return;
    }
    case Category::kIpAddress: {
      size_t colon = value.find(':');
      if (colon != std::string_view::npos) {
        out.append(value.substr(0, colon));
        out.append(":****");
        return;
      }
      size_t d1 = value.find('.');
      size_t d2 = d1 == std::string_view::npos ? d1 : value.find('.', d1 + 1);
      if (d2 == std::string_view::npos) {
        KeepEnds(out, value, 1, 0);
        return;
      }
      out.append(value.substr(0, d2));
      out.append(".*.*");
      return;
    }
    case Category::kDateOfBirth:
      KeepEnds(out, value, 4, 0);
      return;
    case Category::kGeoCoordinates: {
      bool after_dot = false;
      int kept = 0;
      for (char c : value) {
        if (c == '.') {
          after_dot = true;
          kept = 0;
          out.push_back(c);
        } else if (c >= '0' && c <= '9' && after_dot) {
          out.push_back(kept++ < 1 ? c : '*');
        } else {
          if (c != '-' && !(c >= '0' && c <= '9')) after_dot = false;
          out.push_back(c);
        }
      }
      return;
    }
    default:
      // Short identifiers show only their first character.
      if (ContentLength(value) < 8) {
        KeepEnds(out, value, 1, 0);
      } else {
        KeepEnds(out, value, 2, 2);
      }
      return;
  }
}

}  // namespace reference


TEST(PreviewTest, FollowsCommonChinesePractice) {
  EXPECT_EQ(MaskedPreview(Category::kPhoneNumber, "13812345678"), "138****5678");
  EXPECT_EQ(MaskedPreview(Category::kCnResidentId, "11010519491231002X"), "110105********002X");
  EXPECT_EQ(MaskedPreview(Category::kPersonName, "张三"), "张*");
  EXPECT_EQ(MaskedPreview(Category::kPersonName, "欧阳娜娜"), "欧***");
  EXPECT_EQ(MaskedPreview(Category::kEmailAddress, "zhang@example.com"), "z***@example.com");
  EXPECT_EQ(MaskedPreview(Category::kBankCardNumber, "6222021234567890123"), "622202*********0123");
}

TEST(PreviewTest, KeepsSeparatorsAndHidesTheMiddle) {
  EXPECT_EQ(MaskedPreview(Category::kBankCardNumber, "6222-0212-3456-7890"), "6222-02**-****-7890");
  EXPECT_EQ(MaskedPreview(Category::kPhoneNumber, "+86 138-1234-5678"), "+86 138-****-5678");
  EXPECT_EQ(MaskedPreview(Category::kIpAddress, "203.0.113.45"), "203.0.*.*");
  EXPECT_EQ(MaskedPreview(Category::kIpAddress, "2001:db8::1"), "2001:****");
  EXPECT_EQ(MaskedPreview(Category::kGeoCoordinates, "22.543096,114.057865"), "22.5*****,114.0*****");
  EXPECT_EQ(MaskedPreview(Category::kPersonName, "John Smith"), "J*** S****");
  // Transliterated names keep their middle dot, as Latin names keep their spaces.
  EXPECT_EQ(MaskedPreview(Category::kPersonName, "阿卜杜勒\u00B7克里木"), "阿***\u00B7***");
}

TEST(PreviewTest, SecretsAndHealthShowNothing) {
  EXPECT_EQ(MaskedPreview(Category::kCredentialSecret, "hunter2"), "********");
  EXPECT_EQ(MaskedPreview(Category::kHealthInfo, "糖尿病"), "****");
}

TEST(PreviewTest, ShortAndInvalidValuesNeverLeakWhole) {
  EXPECT_EQ(MaskedPreview(Category::kImAccount, "12345"), "1****");
  EXPECT_EQ(MaskedPreview(Category::kImAccount, "123456789"), "12*****89");
  EXPECT_EQ(MaskedPreview(Category::kVin, "AB"), "A*");
  std::string bad = "\xff\xfe\xfd";
  std::string p = MaskedPreview(Category::kMacAddress, bad);
  EXPECT_NE(p, bad);
  EXPECT_EQ(MaskedPreview(Category::kPostalAddress, "广东省深圳市南山区科技园路18号"), "广东省深圳市****");
}

TEST(PreviewTest, FastPathsMatchTheReferenceOnAnyBytes) {
  // Values of every length around the 8-byte words and the 64-byte limit of the ASCII
  // path, from alphabets of digits, letters, separators, CJK and invalid bytes.
  const std::vector<std::string> alphabets = {
      "0123456789", "0123456789 -", "abcXYZ09.@:+", "0123456789\"\\\t ", "\xe5\xbc\xa0\xe4\xb8\x89 1a",
      "\xff\xc3\xe4\x80\xbf" "a1-", "+0086 -(13812345678"};
  std::mt19937 rng(20240601);
  std::vector<char> buf;
  for (int c = 0; c < kCategoryCount; ++c) {
    const auto category = static_cast<Category>(c);
    for (const std::string& alphabet : alphabets) {
      for (size_t len = 0; len <= 70; ++len) {
        for (int trial = 0; trial < 4; ++trial) {
          std::string value;
          for (size_t i = 0; i < len; ++i) value.push_back(alphabet[rng() % alphabet.size()]);
          std::string expected;
          reference::AppendMaskedPreview(expected, category, value);
          EXPECT_EQ(MaskedPreview(category, value), expected) << c << " [" << value << "]";
          buf.assign(value.size() + kMaskedPreviewSlack, '\0');
          char* end = WriteMaskedPreview(buf.data(), category, value);
          EXPECT_EQ(std::string(buf.data(), static_cast<size_t>(end - buf.data())), expected);
        }
      }
    }
  }
}

}  // namespace
}  // namespace custos::detect
