#include "custos/detect/checksums.h"

#include <cstdint>

namespace custos::detect {

namespace {

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr char ToUpper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
constexpr int DigitValue(char c) { return c - '0'; }

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Luhn sum of `s` where the rightmost character of s gets weight `double_last ? 2 : 1`.
// Luhn sum of the digits of s from the right, the last one doubled when double_last;
// -1 if a byte is not a digit. Two digits a step (one kept, one doubled): this runs on
// every card- and IMEI-shaped token.
int LuhnSum(std::string_view s, bool double_last) {
  static constexpr unsigned kDoubled[10] = {0, 2, 4, 6, 8, 1, 3, 5, 7, 9};
  auto digit = [&s](size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(s[i])) - unsigned{'0'}; };
  unsigned sum = 0;
  size_t i = s.size();
  if (double_last && i > 0) {
    if (digit(i - 1) > 9) return -1;
    sum += kDoubled[digit(--i)];
  }
  for (; i >= 2; i -= 2) {
    const unsigned a = digit(i - 1), b = digit(i - 2);
    if (a > 9 || b > 9) return -1;
    sum += a + kDoubled[b];
  }
  if (i == 1) {
    if (digit(0) > 9) return -1;
    sum += digit(0);
  }
  return static_cast<int>(sum);
}

// Digits and letters as MOD 97-10 / ISO 13616 values (A=10 .. Z=35), -1 otherwise.
constexpr int AlnumValue(char c) {
  if (IsDigit(c)) return c - '0';
  c = ToUpper(c);
  if (IsUpper(c)) return c - 'A' + 10;
  return -1;
}

// A running MOD 97 remainder of values 0..35 written one after another (a letter's
// value takes two decimal digits). It is reduced only when the next step could
// overflow, not after every value: the remainder is the same.
class Mod97 {
 public:
  void Add(int v) {
    acc_ = acc_ * (v < 10 ? 10u : 100u) + static_cast<uint64_t>(v);
    if (acc_ >= (uint64_t{1} << 56)) acc_ %= 97;
  }
  int rem() const { return static_cast<int>(acc_ % 97); }

 private:
  uint64_t acc_ = 0;
};

constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

constexpr std::array<int8_t, 256> MakeUsccValues() {
  std::array<int8_t, 256> t{};
  for (auto& v : t) v = -1;
  for (size_t i = 0; i < kUsccAlphabet.size(); ++i) {
    t[static_cast<unsigned char>(kUsccAlphabet[i])] = static_cast<int8_t>(i);
  }
  return t;
}
constexpr std::array<int8_t, 256> kUsccValues = MakeUsccValues();

// Weights 3^i mod 31 of the 17 body characters, computed once rather than per character.
constexpr std::array<int, 17> MakeUsccWeights() {
  std::array<int, 17> w{};
  int weight = 1;
  for (int& x : w) {
    x = weight;
    weight = weight * 3 % 31;
  }
  return w;
}
constexpr std::array<int, 17> kUsccWeights = MakeUsccWeights();

// ISO 3779 transliteration of letters (I, O, Q are not allowed: 0 marks invalid).
constexpr int VinValue(char c) {
  if (IsDigit(c)) return c - '0';
  switch (ToUpper(c)) {
    case 'A': case 'J': return 1;
    case 'B': case 'K': case 'S': return 2;
    case 'C': case 'L': case 'T': return 3;
    case 'D': case 'M': case 'U': return 4;
    case 'E': case 'N': case 'V': return 5;
    case 'F': case 'W': return 6;
    case 'G': case 'P': case 'X': return 7;
    case 'H': case 'Y': return 8;
    case 'R': case 'Z': return 9;
    default: return -1;
  }
}
constexpr int kVinWeights[17] = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

// Taiwan ID letter codes (A=10 .. Z=33, not alphabetical after H).
constexpr int kTwLetter[26] = {10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,
                               22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33};

}  // namespace

bool LuhnValid(std::string_view digits) {
  if (digits.size() < 2) return false;
  const int sum = LuhnSum(digits, false);
  return sum >= 0 && sum % 10 == 0;
}

char LuhnCheckChar(std::string_view body) {
  if (body.empty()) return '\0';
  const int sum = LuhnSum(body, true);
  if (sum < 0) return '\0';
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

char Mod11_2CheckChar(std::string_view body) {
  if (body.empty()) return '\0';
  // p = ((p + d) * 2) % 11 over the digits is the weighted sum of d_i * 2^(n - i) mod 11
  // (for the 17-digit resident ID body, GB 11643's weights 7, 9, 10, 5, ...): walking
  // from the right with the weight kept below 11 needs one division in all instead of
  // one per digit (this runs on every 18-digit token).
  uint64_t sum = 0;
  unsigned weight = 2;
  for (size_t i = body.size(); i-- > 0;) {
    const unsigned d = static_cast<unsigned char>(body[i]) - unsigned{'0'};
    if (d > 9) return '\0';
    sum += d * weight;
    weight *= 2;
    if (weight >= 11) weight -= 11;
  }
  const int p = static_cast<int>(sum % 11);
  const int check = (12 - p) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

bool Mod11_2Valid(std::string_view s) {
  if (s.size() < 2) return false;
  const char want = Mod11_2CheckChar(s.substr(0, s.size() - 1));
  return want != '\0' && want == ToUpper(s.back());
}

int Mod97_10(std::string_view alnum) {
  Mod97 m;
  for (char c : alnum) {
    const int v = AlnumValue(c);
    if (v < 0) return -1;
    m.Add(v);
  }
  return m.rem();
}

namespace {

// MOD 97 of the IBAN rearranged (BBAN, country, then `c1 c2` as check digits).
int IbanRemainder(std::string_view iban, char c1, char c2) {
  Mod97 m;
  for (size_t i = 4; i < iban.size(); ++i) {
    const int v = AlnumValue(iban[i]);
    if (v < 0) return -1;
    m.Add(v);
  }
  for (char c : {iban[0], iban[1], c1, c2}) m.Add(AlnumValue(c));
  return m.rem();
}

bool IbanShape(std::string_view iban) {
  return iban.size() >= 5 && iban.size() <= 34 && IsUpper(ToUpper(iban[0])) && IsUpper(ToUpper(iban[1]));
}

}  // namespace

bool IbanValid(std::string_view iban) {
  if (!IbanShape(iban) || !IsDigit(iban[2]) || !IsDigit(iban[3])) return false;
  return IbanRemainder(iban, iban[2], iban[3]) == 1;
}

std::array<char, 2> IbanCheckDigits(std::string_view iban) {
  if (!IbanShape(iban)) return {'\0', '\0'};
  const int rem = IbanRemainder(iban, '0', '0');
  if (rem < 0) return {'\0', '\0'};
  const int check = 98 - rem;
  return {static_cast<char>('0' + check / 10), static_cast<char>('0' + check % 10)};
}

char UsccCheckChar(std::string_view body) {
  if (body.size() != 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    const int v = kUsccValues[static_cast<unsigned char>(body[i])];
    if (v < 0) return '\0';
    sum += v * kUsccWeights[i];
  }
  const int check = (31 - sum % 31) % 31;
  return kUsccAlphabet[static_cast<size_t>(check)];
}

bool UsccValid(std::string_view code) {
  if (code.size() != 18) return false;
  const char want = UsccCheckChar(code.substr(0, 17));
  return want != '\0' && want == code[17];
}

char VinCheckChar(std::string_view vin) {
  if (vin.size() != 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    const int v = VinValue(vin[i]);
    if (v < 0 && i != 8) return '\0';
    if (v > 0) sum += v * kVinWeights[i];
  }
  const int check = sum % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

bool VinValid(std::string_view vin) {
  const char want = VinCheckChar(vin);
  return want != '\0' && want == ToUpper(vin[8]);
}

char HkidCheckChar(std::string_view body) {
  if (body.size() != 7 && body.size() != 8) return '\0';
  const size_t letters = body.size() - 6;
  // A one-letter ID counts as if prefixed by a space, valued 36.
  int sum = letters == 1 ? 36 * 9 : 0;
  int weight = letters == 1 ? 8 : 9;
  for (size_t i = 0; i < body.size(); ++i, --weight) {
    const char c = ToUpper(body[i]);
    int v;
    if (i < letters) {
      if (!IsUpper(c)) return '\0';
      v = c - 'A' + 10;
    } else {
      if (!IsDigit(c)) return '\0';
      v = c - '0';
    }
    sum += v * weight;
  }
  const int check = (11 - sum % 11) % 11;
  return check == 10 ? 'A' : static_cast<char>('0' + check);
}

bool HkidValid(std::string_view id) {
  char check;
  std::string_view body;
  if (id.size() >= 4 && id[id.size() - 3] == '(' && id.back() == ')') {
    body = id.substr(0, id.size() - 3);
    check = id[id.size() - 2];
  } else {
    if (id.empty()) return false;
    body = id.substr(0, id.size() - 1);
    check = id.back();
  }
  const char want = HkidCheckChar(body);
  return want != '\0' && want == ToUpper(check);
}

char TwIdCheckChar(std::string_view body) {
  if (body.size() != 9) return '\0';
  const char letter = ToUpper(body[0]);
  if (!IsUpper(letter) || !AllDigits(body.substr(1))) return '\0';
  const int code = kTwLetter[letter - 'A'];
  int sum = code / 10 + (code % 10) * 9;
  for (size_t i = 1; i < 9; ++i) sum += DigitValue(body[i]) * static_cast<int>(9 - i);
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool TwIdValid(std::string_view id) {
  if (id.size() != 10) return false;
  const char want = TwIdCheckChar(id.substr(0, 9));
  return want != '\0' && want == id[9];
}

bool ImeiValid(std::string_view imei) { return imei.size() == 15 && LuhnValid(imei); }

char ImeiCheckChar(std::string_view body) { return body.size() == 14 ? LuhnCheckChar(body) : '\0'; }

char Icao9303CheckChar(std::string_view field) {
  static constexpr int kWeights[3] = {7, 3, 1};
  int sum = 0;
  for (size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    int v;
    if (IsDigit(c)) {
      v = c - '0';
    } else if (IsUpper(c)) {
      v = c - 'A' + 10;
    } else if (c == '<') {
      v = 0;
    } else {
      return '\0';
    }
    sum += v * kWeights[i % 3];
  }
  return static_cast<char>('0' + sum % 10);
}

bool ResidentIdShaped(std::string_view s) {
  if (s.size() != 18) return false;
  for (size_t i = 0; i < 17; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  if (!((s[17] >= '0' && s[17] <= '9') || s[17] == 'X' || s[17] == 'x')) return false;
  // GB/T 2260 province-level codes (including 71 Taiwan, 81 Hong Kong, 82 Macau).
  static constexpr int kProvinces[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
                                       43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82};
  const int province = (s[0] - '0') * 10 + (s[1] - '0');
  bool known = false;
  for (int p : kProvinces) known = known || p == province;
  if (!known) return false;
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; ++i) v = v * 10 + (s[at + i] - '0');
    return v;
  };
  const int y = num(6, 4), m = num(10, 2), d = num(12, 2);
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return false;
  return true;
}

}  // namespace custos::detect
