// Credentials and secrets: values after password/secret/token words (the value only),
// and well-known key and token formats.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "custos/detect/engine.h"
#include "custos/detect/recognizers/groups.h"
#include "custos/detect/recognizers/text.h"

namespace custos::detect {

namespace {

using namespace text;  // NOLINT: the shared byte, UTF-8 and context helpers
using Ctx = Nearest;

// ---------------------------------------------------------------------------------
// Credentials: values after password/secret/token words, and well-known key formats.

enum class SecretKind : uint8_t { kNone, kPassword, kKey, kBearer, kPem, kGithub, kSlack, kJwt };

// Dispatches on the first byte: this runs on every trigger hit, and comparing the
// keyword with all 35 words each time cost more than the rest of a typical call.
SecretKind KindOf(std::string_view w) {
  if (w.empty()) return SecretKind::kNone;
  switch (w[0]) {
    case 'p':
      if (InList(w, {"password", "passwd", "pwd", "passcode"})) return SecretKind::kPassword;
      if (w == "private_key") return SecretKind::kKey;
      if (w == "private key-----" || w == "private key block-----") return SecretKind::kPem;
      return SecretKind::kNone;
    case 's': return InList(w, {"secret", "secret_key", "secretkey"}) ? SecretKind::kKey : SecretKind::kNone;
    case 't': return w == "token" ? SecretKind::kKey : SecretKind::kNone;
    case 'a':
      return InList(w, {"api_key", "apikey", "api-key", "access_key", "accesskey", "auth_key"}) ? SecretKind::kKey
                                                                                                : SecretKind::kNone;
    case 'b': return w == "bearer" ? SecretKind::kBearer : SecretKind::kNone;
    case 'g':
      return InList(w, {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"}) ? SecretKind::kGithub
                                                                                : SecretKind::kNone;
    case 'x': return InList(w, {"xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"}) ? SecretKind::kSlack : SecretKind::kNone;
    case 'e': return w == "eyj" ? SecretKind::kJwt : SecretKind::kNone;
    default:
      if (InList(w, {"密码", "口令"})) return SecretKind::kPassword;
      if (InList(w, {"密钥", "私钥", "令牌"})) return SecretKind::kKey;
      return SecretKind::kNone;
  }
}

// Per-byte classes, one table load per byte in the loops over long tokens (bearer
// tokens and JWTs run to hundreds of bytes).
enum ByteClass : uint8_t {
  kLowerClass = 1,
  kUpperClass = 2,
  kDigitClass = 4,
  kOtherClass = 8,
  kB64UrlClass = 16,  // [A-Za-z0-9_-]
  kBearerClass = 32,  // base64url plus . ~ + / =
};

constexpr std::array<uint8_t, 256> MakeByteClasses() {
  std::array<uint8_t, 256> t{};
  for (unsigned b = 0; b < 256; ++b) {
    const auto c = static_cast<char>(b);
    uint8_t v = IsLower(c) ? kLowerClass : IsUpper(c) ? kUpperClass : IsDigit(c) ? kDigitClass : kOtherClass;
    if (IsAlnum(c) || c == '_' || c == '-') v |= kB64UrlClass | kBearerClass;
    if (c == '.' || c == '~' || c == '+' || c == '/' || c == '=') v |= kBearerClass;
    t[b] = v;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kByteClasses = MakeByteClasses();

uint8_t ClassOf(char c) { return kByteClasses[static_cast<unsigned char>(c)]; }

bool IsB64Url(char c) { return (ClassOf(c) & kB64UrlClass) != 0; }

// Values that stand for a secret without being one.
bool IsPlaceholder(std::string_view v) {
  if (v.empty()) return true;
  const char f = v[0];
  // Templates and variables: "${DB_PASSWORD}", "$DB_PASSWORD", "{{ secret }}", "%s",
  // "%(pw)s"; enclosed markers: "<your password>", "[REDACTED]", "(null)".
  if (v.size() >= 2 && (f == '$' || f == '%' || f == '{') && (v[1] == '{' || v[1] == '(')) return true;
  if (f == '$') {
    bool variable = v.size() >= 2;
    for (size_t i = 1; i < v.size(); ++i) variable = variable && (IsUpper(v[i]) || IsDigit(v[i]) || v[i] == '_');
    if (variable) return true;
  }
  if (v.size() == 2 && f == '%' && IsLower(v[1])) return true;
  if (f == '[' || f == '<') return true;  // "[REDACTED]", "<hidden>" (unquoted values end at ']' '>')
  const char last = v.back();
  if (v.size() >= 2 && ((f == '<' && last == '>') || (f == '[' && last == ']') || (f == '(' && last == ')') ||
                        (f == '{' && last == '}'))) {
    return true;
  }
  bool same = true;
  for (char c : v) same = same && c == f;
  if (same && v.size() > 1 && !IsAlnum(f)) return true;  // "******", "...."
  if (same && (f == 'x' || f == 'X')) return true;
  if (v.size() <= 12) {
    char low[13];
    for (size_t i = 0; i < v.size(); ++i) low[i] = Lower(v[i]);
    const std::string_view l(low, v.size());
    if (InList(l, {"null", "none", "nil", "undefined", "true", "false", "empty", "redacted", "hidden", "masked",
                   "required", "invalid", "incorrect", "wrong", "expired", "missing", "changed", "reset", "updated",
                   "mismatch", "error", "failed", "ok", "n/a", "na", "string", "optional", "yes", "no", "not",
                   "is", "was", "for", "filtered", "removed", "omitted", "protected", "sensitive", "encrypted"})) {
      return true;
    }
  }
  return false;
}

// Whether `v` contains `lower_word` ignoring ASCII case.
bool ContainsLower(std::string_view v, std::string_view lower_word) {
  if (lower_word.empty() || v.size() < lower_word.size()) return false;
  for (size_t i = 0; i + lower_word.size() <= v.size(); ++i) {
    if (EqualsLower(v.substr(i, lower_word.size()), lower_word)) return true;
  }
  return false;
}

// How many of lower, upper, digit, other the value mixes.
int Classes(std::string_view v) {
  unsigned seen = 0;
  for (char c : v) seen |= ClassOf(c);
  return std::popcount(seen & (kLowerClass | kUpperClass | kDigitClass | kOtherClass));
}

class CredentialRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "credential"; }
  CategorySet categories() const override { return Bit(Category::kCredentialSecret); }
  Interest interest() const override {
    Interest in;
    in.alnum_lengths = Lengths(20, 20);  // AWS access key IDs
    in.alpha_lengths = Lengths(20, 20);
    in.hinted_units = true;
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    AddKeywords(k,
                {"password", "passwd", "pwd", "passcode", "密码", "口令", "secret", "token", "api_key", "apikey",
                 "api-key", "access_key", "accesskey", "secret_key", "secretkey", "private_key", "auth_key", "密钥",
                 "私钥", "令牌", "bearer", "private key-----", "private key block-----", "ghp_", "gho_", "ghu_",
                 "ghs_", "ghr_", "github_pat_", "xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-", "eyJ"},
                Category::kCredentialSecret, KeywordRole::kTrigger);
    return k;
  }

  // Fast rejection inline; the rest out of line keeps this call cheap for the many
  // tokens that are not candidates.
  void OnToken(const Unit& u, size_t ti, Sink& out) const override {
    const Token& t = u.tokens[ti];
    if (u.text[t.start] != 'A') return;
    Slow(u, t, out);
  }

  [[gnu::noinline]] void Slow(const Unit& u, const Token& t, Sink& out) const {
    const char* p = u.text.data() + t.start;
    if (!((p[0] == 'A' && p[1] == 'K') || (p[0] == 'A' && p[1] == 'S')) || p[2] != 'I' || p[3] != 'A') return;
    for (uint32_t i = 4; i < 20; ++i) {
      if (!IsDigit(p[i]) && !IsUpper(p[i])) return;
    }
    out.Emit(t.start, t.end, Category::kCredentialSecret, 0.9f);
  }

  void OnKeyword(const Unit& u, const KeywordHit& h, Sink& out) const override {
    const SecretKind kind = KindOf(u.KeywordText(h.id));
    switch (kind) {
      case SecretKind::kNone: return;
      case SecretKind::kPassword:
      case SecretKind::kKey: KeyValue(u, h, kind, out); return;
      case SecretKind::kBearer: Bearer(u, h, out); return;
      case SecretKind::kPem: Pem(u, h, out); return;
      case SecretKind::kGithub:
      case SecretKind::kSlack: Prefixed(u, h, kind, out); return;
      case SecretKind::kJwt: Jwt(u, h, out); return;
    }
  }

  void OnUnit(const Unit& u, Sink& out) const override {
    if (!u.Hinted(Category::kCredentialSecret)) return;
    uint32_t s = 0, e = 0;
    if (!Trim(u.text, &s, &e) || e - s > 512) return;
    if (IsPlaceholder(u.Slice(s, e))) return;
    out.Emit(s, e, Category::kCredentialSecret, 0.85f);
  }

 private:
  // "password=abc", "\"token\": \"abc\"", "密码：abc", "--password abc", "<pwd>abc</pwd>".
  static void KeyValue(const Unit& u, const KeywordHit& h, SecretKind kind, Sink& out) {
    const bool ascii = !IsHigh(u.At(h.start));
    uint32_t i = h.end;
    if (u.At(i) == '"' || u.At(i) == '\'') ++i;  // end of a quoted key
    while (u.At(i) == ' ' && i - h.end < 6) ++i;
    bool sep = true;
    if (u.At(i) == '=' && u.At(int64_t{i} + 1) == '>') {
      i += 2;
    } else if (u.At(i) == ':' || u.At(i) == '=') {
      ++i;
    } else if (Has(u, i, "：") || (!ascii && (Has(u, i, "是") || Has(u, i, "为")))) {
      i += 3;
    } else if (u.At(i) == '>' && u.At(Prev(h.start)) == '<') {
      ++i;
    } else {
      sep = false;
    }
    if (!sep) {
      const bool flag = u.At(Prev(h.start)) == '-' && u.At(Prev(h.start, 2)) == '-';  // --password value
      if (!(flag && u.At(h.end) == ' ') && ascii) return;
    }
    if (u.At(i) == '=' && u.At(Prev(i)) == ':') ++i;  // Makefile "PWD:=..."
    while (u.At(i) == ' ' && i - h.end < 12) ++i;
    const char quote = u.At(i);
    uint32_t s = i, e = i;
    if (quote == '"' || quote == '\'') {
      s = e = i + 1;
      while (e < u.text.size() && u.text[e] != quote && u.text[e] != '\n' && e - s < 256) ++e;
      if (u.At(e) != quote) return;
    } else {
      while (e < u.text.size() && e - s < 256) {
        const char c = u.text[e];
        if (IsSpace(c) || IsHigh(c) || c == '"' || c == '\'' || c == '`' || c == '&' || c == ',' || c == ';' ||
            c == '<' || c == '>' || c == ')' || c == ']' || c == '}') {
          break;
        }
        ++e;
      }
    }
    const std::string_view v = u.Slice(s, e);
    if (IsPlaceholder(v)) return;
    const std::string_view keyword = u.KeywordText(h.id);
    if (EqualsLower(keyword, "pwd") && (v[0] == '/' || v[0] == '~')) return;  // $PWD, a directory
    // Code and prose, not values: "' + last_token + '" (string concatenation), a name
    // that contains the key ("valid_token"), "pwd: Jim Meyering" (words going on).
    if ((quote == '"' || quote == '\'') && (v.front() == ' ' || v.find(" + ") != std::string_view::npos)) return;
    if (ContainsLower(v, keyword)) return;
    // A word as people write it (all lower case or Capitalised) after "key:" with more
    // words following is prose; "key=value" is configuration whatever follows.
    bool word_like = quote != '"' && quote != '\'' && u.At(Prev(s)) != '=' && u.At(e) == ' ' &&
                     IsLetter(u.At(int64_t{e} + 1));
    for (size_t k = 0; k < v.size() && word_like; ++k) word_like = k == 0 ? IsLetter(v[k]) : IsLower(v[k]);
    if (word_like) return;
    // Code: a call ("xstrdup(v)"), a declaration ("Pcchar = 'x'"), a constant
    // ("MS_DEF_PROV_A").
    if (v.find('(') != std::string_view::npos && u.At(e) == ')') return;
    if (u.At(e) == ' ' && (u.At(int64_t{e} + 1) == '=' || (u.At(int64_t{e} + 1) == ':' && u.At(int64_t{e} + 2) == '='))) return;
    bool constant = IsUpper(v[0]) && v.find('_') != std::string_view::npos;
    for (char c : v) constant = constant && (IsUpper(c) || IsDigit(c) || c == '_');
    if (constant) return;
    float conf = 0;
    const int classes = Classes(v);
    if (kind == SecretKind::kPassword) {
      if (v.size() < 3) return;
      // A short all-lowercase word ("new", "got") is prose far more often than a password.
      conf = classes == 1 && IsLower(v[0]) ? (v.size() < 6 ? 0.45f : 0.6f) : 0.85f;
    } else {
      if (v.size() < 8) return;
      conf = classes >= 2 ? (v.size() >= 16 ? 0.9f : 0.8f) : 0.45f;
    }
    out.Emit(s, e, Category::kCredentialSecret, conf);
  }

  // "Authorization: Bearer <token>".
  static void Bearer(const Unit& u, const KeywordHit& h, Sink& out) {
    if (IsLetter(u.At(Prev(h.start))) || u.At(h.end) != ' ') return;
    const uint32_t s = h.end + 1;
    uint32_t e = s;
    const uint64_t limit = std::min<uint64_t>(u.text.size(), uint64_t{s} + 4096);
    while (e < limit && (ClassOf(u.text[e]) & kBearerClass) != 0) ++e;
    if (e - s < 16 || Classes(u.Slice(s, e)) < 2) return;
    out.Emit(s, e, Category::kCredentialSecret, 0.9f);
  }

  // "-----BEGIN RSA PRIVATE KEY-----" through "-----END ...-----" if in the unit, else
  // through the base64 that follows.
  static void Pem(const Unit& u, const KeywordHit& h, Sink& out) {
    // Bounded searches: a unit full of headers must not make this quadratic.
    const uint32_t lo = h.start > 40 ? h.start - 40 : 0;
    const size_t rel = u.Slice(lo, h.start).rfind("-----BEGIN ");
    if (rel == std::string_view::npos) return;
    const auto b = static_cast<uint32_t>(lo + rel);
    uint32_t e = h.end;
    // The body has no dashes: the next "-----" is the END line or nothing of ours.
    const std::string_view rest = u.text.substr(h.end, 65536);
    const size_t end_marker = rest.find("-----");
    if (end_marker != std::string_view::npos && rest.substr(end_marker, 9) == "-----END ") {
      const size_t close = rest.substr(0, end_marker + 9 + 64).find("-----", end_marker + 9);
      if (close != std::string_view::npos) e = h.end + static_cast<uint32_t>(close + 5);
    }
    if (e == h.end) {
      while (e < u.text.size()) {
        const char c = u.text[e];
        if (!(IsAlnum(c) || c == '+' || c == '/' || c == '=' || c == '\\' || IsSpace(c))) break;
        ++e;
      }
      while (e > h.end && IsSpace(u.text[e - 1])) --e;
    }
    out.Emit(b, e, Category::kCredentialSecret, 0.95f);
  }

  // GitHub tokens (ghp_ + 36 base62, github_pat_ ...) and Slack tokens (xoxb-...).
  static void Prefixed(const Unit& u, const KeywordHit& h, SecretKind kind, Sink& out) {
    for (uint32_t i = h.start; i < h.end; ++i) {
      if (IsUpper(u.At(i))) return;  // the prefixes are lower case
    }
    if (IsB64Url(u.At(Prev(h.start)))) return;
    const bool pat = h.end - h.start == 11;  // github_pat_
    uint32_t e = h.end;
    while (e < u.text.size() && e - h.end < 255) {
      const char c = u.text[e];
      if (!(IsAlnum(c) || (pat && c == '_') || (kind == SecretKind::kSlack && c == '-'))) break;
      ++e;
    }
    const uint32_t n = e - h.end;
    if (IsB64Url(u.At(e))) return;
    if (kind == SecretKind::kGithub ? n < (pat ? 22u : 30u) : n < 10) return;
    out.Emit(h.start, e, Category::kCredentialSecret, 0.95f);
  }

  // JSON Web Tokens: eyJ<header>.eyJ<payload>.<signature>.
  static void Jwt(const Unit& u, const KeywordHit& h, Sink& out) {
    if (!Has(u, h.start, "eyJ") || IsB64Url(u.At(Prev(h.start)))) return;
    uint32_t e = h.start;
    auto segment = [&]() {
      const uint32_t s = e;
      const uint64_t limit = std::min<uint64_t>(u.text.size(), uint64_t{s} + 8192);
      while (e < limit && IsB64Url(u.text[e])) ++e;
      return e - s;
    };
    if (segment() < 10 || u.At(e) != '.' || !Has(u, uint64_t{e} + 1, "eyJ")) return;
    ++e;
    if (segment() < 10 || u.At(e) != '.') return;
    ++e;
    segment();
    if (u.At(e) == '.' || IsB64Url(u.At(e))) return;
    out.Emit(h.start, e, Category::kCredentialSecret, 0.9f);
  }
};

}  // namespace

RecognizerList MakeSecretRecognizers() {
  RecognizerList list;
  list.push_back(std::make_unique<CredentialRecognizer>());
  return list;
}

}  // namespace custos::detect
