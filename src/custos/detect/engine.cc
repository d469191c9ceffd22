#include "custos/detect/engine.h"

#include <emmintrin.h>
#include <hs/hs.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <map>

namespace custos::detect {

namespace {

enum ByteClass : uint8_t { kOther = 0, kDigit = 1, kLetter = 2, kAt = 3, kHigh = 4 };

constexpr std::array<uint8_t, 256> MakeClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = kDigit;
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<size_t>(c)] = kLetter;
  t['@'] = kAt;
  for (int c = 0x80; c < 256; ++c) t[static_cast<size_t>(c)] = kHigh;
  return t;
}
constexpr std::array<uint8_t, 256> kClasses = MakeClasses();

uint32_t TodayUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return static_cast<uint32_t>((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday);
}

struct EngineScratch final : Scratch {
  hs_scratch_t* hs = nullptr;
  std::vector<Token> tokens;
  std::vector<uint32_t> at_signs;
  std::vector<KeywordHit> hits;
  std::vector<Finding> pending;
  // Detector::Prepare: the buffer and its keyword hits (offsets into it, sorted).
  std::string_view prepared;
  std::vector<KeywordHit> prepared_hits;
  ~EngineScratch() override {
    if (hs != nullptr) hs_free_scratch(hs);
  }

 private:
  void ForgetPrepared() override {
    prepared = {};
    prepared_hits.clear();
  }
};

class CollectingSink final : public Sink {
 public:
  CollectingSink(std::vector<Finding>& out, CategorySet wanted) : out_(out), wanted_(wanted) {}
  void set_recognizer(uint16_t id) { recognizer_ = id; }
  void Emit(uint32_t start, uint32_t end, Category category, float confidence,
            const Attributes& attributes) override {
    if (end <= start || !Contains(wanted_, category)) return;
    out_.push_back(Finding{start, end, category, std::clamp(confidence, 0.0f, 1.0f), recognizer_, attributes});
  }

 private:
  std::vector<Finding>& out_;
  CategorySet wanted_;
  uint16_t recognizer_ = 0;
};

int OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
            void* ctx) {
  auto* hits = static_cast<std::vector<KeywordHit>*>(ctx);
  hits->push_back(KeywordHit{0, static_cast<uint32_t>(to), id});
  return 0;
}

// Vectorscan reports matches by end offset; keywords are short, so ordered by start they
// are nearly sorted already and an insertion sort costs a few steps per hit (std::sort
// would not notice).
void SortByStart(std::vector<KeywordHit>& hits) {
  auto before = [](const KeywordHit& a, const KeywordHit& b) { return a.start != b.start ? a.start < b.start : a.end < b.end; };
  for (size_t i = 1; i < hits.size(); ++i) {
    const KeywordHit h = hits[i];
    size_t j = i;
    for (; j > 0 && before(h, hits[j - 1]); --j) hits[j] = hits[j - 1];
    hits[j] = h;
  }
}

// Appends the token [start, end); a short label glued to a long digit run
// ("tel13812345678", "ID1101...") also offers the digit run on its own.
// `out` has room (see Tokenize); returns the new end.
inline Token* PushToken(const unsigned char* p, uint32_t start, uint32_t end, bool digits, bool letters, Token* out) {
  const TokenKind kind = !letters ? TokenKind::kNumeric : (!digits ? TokenKind::kAlpha : TokenKind::kAlnum);
  *out++ = Token{start, end, kind};
  if (kind != TokenKind::kAlnum || end - start < 13) return out;
  uint32_t j = start;
  while (j < end && kClasses[p[j]] == kLetter) ++j;
  uint32_t k = j;
  while (k < end && kClasses[p[k]] == kDigit) ++k;
  if (k == end && j - start >= 2 && j - start <= 8 && end - j >= 11) *out++ = Token{j, end, TokenKind::kNumeric};
  return out;
}

// Bit masks of 64 bytes: token bytes ([0-9A-Za-z]), digits, '@', bytes >= 0x80.
struct Masks {
  uint64_t token = 0, digit = 0, at = 0, high = 0;
};

inline Masks Classify64(const unsigned char* q) {
  Masks m;
  const __m128i zero_m1 = _mm_set1_epi8('0' - 1), nine_p1 = _mm_set1_epi8('9' + 1);
  const __m128i a_m1 = _mm_set1_epi8('a' - 1), z_p1 = _mm_set1_epi8('z' + 1);
  const __m128i case_bit = _mm_set1_epi8(0x20), at = _mm_set1_epi8('@');
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 16 * k));
    // Signed compares: bytes >= 0x80 are negative, so they are neither digits nor letters.
    const __m128i dig = _mm_and_si128(_mm_cmpgt_epi8(v, zero_m1), _mm_cmplt_epi8(v, nine_p1));
    const __m128i low = _mm_or_si128(v, case_bit);
    const __m128i let = _mm_and_si128(_mm_cmpgt_epi8(low, a_m1), _mm_cmplt_epi8(low, z_p1));
    const auto shift = static_cast<unsigned>(16 * k);
    m.digit |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(dig))) << shift;
    m.token |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(dig, let)))) << shift;
    m.at |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, at)))) << shift;
    m.high |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(v))) << shift;
  }
  return m;
}

inline uint64_t LowBits(unsigned n) { return n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1; }

// Splits the unit into ASCII alphanumeric tokens and notes '@' positions; returns
// whether any byte is >= 0x80. Works on 64-byte blocks of bit masks (SSE2, part of
// every x86-64), so runs of Chinese text, spaces and punctuation cost almost nothing.
bool Tokenize(std::string_view text, std::vector<Token>& tokens, size_t& count, std::vector<uint32_t>& at_signs) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const uint32_t n = static_cast<uint32_t>(text.size());
  // Tokens are separated by at least one byte, and only a token of 13+ bytes adds a
  // second one, so n / 2 + n / 13 + 2 entries always suffice: the buffer only ever
  // grows, tokens are written through a pointer and `count` says how many are valid.
  const size_t need = size_t{n} / 2 + size_t{n} / 13 + 2;
  if (tokens.size() < need) tokens.resize(need);
  Token* out = tokens.data();
  bool high = false;
  uint32_t run_start = UINT32_MAX;  // a token that runs on from the previous block
  bool run_digit = false, run_letter = false;
  alignas(16) unsigned char tail[64];
  for (uint32_t base = 0; base < n; base += 64) {
    const unsigned char* q = p + base;
    if (n - base < 64) {
      std::memset(tail, 0, sizeof(tail));
      std::memcpy(tail, q, n - base);
      q = tail;
    }
    const Masks m = Classify64(q);
    high = high || m.high != 0;
    for (uint64_t a = m.at; a != 0; a &= a - 1) at_signs.push_back(base + static_cast<uint32_t>(__builtin_ctzll(a)));
    uint64_t t = m.token;
    if (run_start != UINT32_MAX) {
      // How far the run goes on into this block (0 if it ended at the block edge).
      const unsigned run = ~t == 0 ? 64u : static_cast<unsigned>(__builtin_ctzll(~t));
      const uint64_t mask = LowBits(run);
      run_digit = run_digit || (m.digit & mask) != 0;
      run_letter = run_letter || (t & ~m.digit & mask) != 0;
      if (run == 64) continue;
      out = PushToken(p, run_start, base + run, run_digit, run_letter, out);
      run_start = UINT32_MAX;
      t &= ~mask;
    }
    while (t != 0) {
      const auto s0 = static_cast<unsigned>(__builtin_ctzll(t));
      const uint64_t rest = ~(t >> s0);  // zero bits where the run goes on
      const unsigned len = rest == 0 ? 64u - s0 : std::min(static_cast<unsigned>(__builtin_ctzll(rest)), 64u - s0);
      const uint64_t mask = LowBits(len) << s0;
      const bool digits = (m.digit & mask) != 0, letters = (t & ~m.digit & mask) != 0;
      if (s0 + len == 64 && base + 64 < n) {
        run_start = base + s0;  // may continue in the next block
        run_digit = digits;
        run_letter = letters;
        break;
      }
      out = PushToken(p, base + s0, base + s0 + len, digits, letters, out);
      t &= ~mask;
    }
  }
  if (run_start != UINT32_MAX) out = PushToken(p, run_start, n, run_digit, run_letter, out);
  count = static_cast<size_t>(out - tokens.data());
  return high;
}

}  // namespace

namespace {

ByteSet And(const ByteSet& a, const ByteSet& b) {
  ByteSet r = a;
  for (int i = 0; i < 4; ++i) r.bits[i] &= b.bits[i];
  return r;
}
ByteSet AndNot(const ByteSet& a, const ByteSet& b) {
  ByteSet r = a;
  for (int i = 0; i < 4; ++i) r.bits[i] &= ~b.bits[i];
  return r;
}
bool Empty(const ByteSet& a) { return (a.bits[0] | a.bits[1] | a.bits[2] | a.bits[3]) == 0; }

bool Same(const ByteSet& a, const ByteSet& b) { return std::equal(std::begin(a.bits), std::end(a.bits), std::begin(b.bits)); }

// One token rule of one recognizer, for one slot (kind and length).
struct Subscription {
  ByteSet first, prev, next;
  uint16_t recognizer;
};

// Adds `sub` to a slot's list. A token is offered when any of a recognizer's rules
// accepts it, and then once. So the rule is first cut into pieces that do not overlap
// the recognizer's entries in the slot (no token may set two of its bits); a piece that
// differs from an entry in one filter only is merged into it (the union is exact and
// still overlaps nothing), any other piece becomes an entry of its own. (Merging filters
// regardless would accept their cross product: "after '+'" and "starting with 0" would
// let through every number.)
void Subscribe(std::vector<Subscription>& list, const Subscription& sub) {
  const uint16_t r = sub.recognizer;
  std::vector<Subscription> pieces{sub};
  for (const Subscription& x : list) {
    if (x.recognizer != r) continue;
    std::vector<Subscription> rest;
    for (const Subscription& q : pieces) {
      const ByteSet f = And(q.first, x.first), p = And(q.prev, x.prev);
      if (Empty(f) || Empty(p) || Empty(And(q.next, x.next))) {
        rest.push_back(q);
        continue;
      }
      const Subscription cut[] = {{AndNot(q.first, x.first), q.prev, q.next, r},
                                  {f, AndNot(q.prev, x.prev), q.next, r},
                                  {f, p, AndNot(q.next, x.next), r}};
      for (const Subscription& c : cut) {
        if (!Empty(c.first) && !Empty(c.prev) && !Empty(c.next)) rest.push_back(c);
      }
    }
    pieces.swap(rest);
  }
  for (const Subscription& q : pieces) {
    auto x = std::find_if(list.begin(), list.end(), [&](const Subscription& e) {
      return e.recognizer == r && int{Same(e.first, q.first)} + int{Same(e.prev, q.prev)} + int{Same(e.next, q.next)} >= 2;
    });
    if (x == list.end()) {
      list.push_back(q);
    } else {
      x->first = x->first | q.first;
      x->prev = x->prev | q.prev;
      x->next = x->next | q.next;
    }
  }
}

}  // namespace

bool Unit::HasContext(Category c, uint32_t start, uint32_t end) const {
  if (Hinted(c)) return true;
  if (!Contains(context_present, c)) return false;
  const uint32_t window = engine->options().context_window;
  const uint32_t lo = start > window ? start - window : 0;
  const uint64_t hi = uint64_t{end} + window;
  for (const KeywordHit& h : keywords) {
    if (h.start >= hi) break;
    if (h.end < lo) continue;
    if (h.end > start && h.start < end) continue;  // inside the candidate itself
    if (Contains(engine->keyword(h.id).context, c)) return true;
  }
  return false;
}

uint32_t Unit::AsOf() const { return engine->as_of(); }

std::string_view Unit::KeywordText(uint32_t id) const { return engine->keyword(id).text; }

StatusOr<std::unique_ptr<Engine>> Engine::Create(const DetectorOptions& options,
                                                 std::vector<std::unique_ptr<Recognizer>> recognizers) {
  std::unique_ptr<Engine> e(new Engine());
  e->options_ = options;
  if (e->options_.categories == 0) e->options_.categories = (CategorySet{1} << kCategoryCount) - 1;
  e->as_of_ = options.as_of != 0 ? options.as_of : TodayUtc();
  for (auto& r : recognizers) {
    if ((r->categories() & e->options_.categories) != 0) e->recognizers_.push_back(std::move(r));
  }
  if (e->recognizers_.size() > 65535) return Status::Internal("too many recognizers");
  CUSTOS_RETURN_IF_ERROR(e->Compile());
  return e;
}

Engine::~Engine() {
  if (proto_scratch_ != nullptr) hs_free_scratch(proto_scratch_);
  if (db_ != nullptr) hs_free_database(db_);
}

Status Engine::Compile() {
  std::map<std::string, uint32_t> index;  // normalised text -> keyword id
  std::array<std::vector<Subscription>, kSlots> subs;
  for (size_t r = 0; r < recognizers_.size(); ++r) {
    const Recognizer& rec = *recognizers_[r];
    Interest in = rec.interest();
    in.rules.push_back(TokenRule{TokenKind::kNumeric, in.numeric_lengths});
    in.rules.push_back(TokenRule{TokenKind::kAlpha, in.alpha_lengths});
    in.rules.push_back(TokenRule{TokenKind::kAlnum, in.alnum_lengths});
    for (const TokenRule& rule : in.rules) {
      for (size_t len = 0; len < 64; ++len) {
        if (((rule.lengths >> len) & 1) == 0) continue;
        Subscribe(subs[static_cast<size_t>(rule.kind) * 64 + len],
                  Subscription{rule.first, rule.prev, rule.next, static_cast<uint16_t>(r)});
      }
    }
    if (in.at_sign) at_sign_.push_back(static_cast<uint16_t>(r));
    if (in.every_unit) every_unit_.push_back(static_cast<uint16_t>(r));
    else if (in.cjk_units) cjk_units_.push_back(static_cast<uint16_t>(r));
    // A recognizer that also takes CJK units is called once for a hinted CJK unit.
    if (in.hinted_units && !in.every_unit && !in.cjk_units) hinted_units_.push_back(static_cast<uint16_t>(r));
    if (in.hinted_units && in.cjk_units) hinted_ascii_units_.push_back(static_cast<uint16_t>(r));
    for (const KeywordSpec& k : rec.keywords()) {
      if (k.text.empty()) continue;
      std::string key = k.text;
      for (char& ch : key) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
      auto [it, inserted] = index.emplace(key, static_cast<uint32_t>(keywords_.size()));
      if (inserted) keywords_.push_back(KeywordEntry{key, 0, 0, {}});
      KeywordEntry& e = keywords_[it->second];
      switch (k.role) {
        case KeywordRole::kNegative: e.negative |= k.categories; break;
        case KeywordRole::kTrigger:
          e.context |= k.categories;
          e.triggers.push_back(static_cast<uint16_t>(r));
          break;
        case KeywordRole::kContext: e.context |= k.categories; break;
      }
    }
  }
  // Byte classes: a byte's signature is its membership in every distinct filter set.
  std::vector<ByteSet> sets;
  auto set_index = [&](const ByteSet& b) {
    for (size_t i = 0; i < sets.size(); ++i) {
      if (std::equal(std::begin(b.bits), std::end(b.bits), std::begin(sets[i].bits))) return i;
    }
    sets.push_back(b);
    return sets.size() - 1;
  };
  for (const auto& list : subs) {
    for (const Subscription& x : list) {
      set_index(x.first);
      set_index(x.prev);
      set_index(x.next);
    }
  }
  std::map<std::vector<bool>, uint8_t> classes;
  for (unsigned c = 0; c < 256; ++c) {
    std::vector<bool> sig(sets.size());
    for (size_t i = 0; i < sets.size(); ++i) sig[i] = sets[i].Has(static_cast<unsigned char>(c));
    auto [it, inserted] = classes.emplace(std::move(sig), static_cast<uint8_t>(classes.size()));
    if (inserted && classes.size() > 256) return Status::Internal("too many byte classes");
    byte_class_[c] = it->second;
  }
  class_count_ = classes.size();
  for (size_t slot = 0; slot < kSlots; ++slot) {
    const auto& list = subs[slot];
    if (list.empty()) continue;
    if (list.size() > kMaxSubscribers) return Status::Internal("too many recognizers want one kind of token");
    Slot& out = slots_[slot];
    out.table = static_cast<uint32_t>(masks_.size());
    masks_.resize(masks_.size() + 3 * class_count_, 0);
    for (size_t i = 0; i < list.size(); ++i) {
      out.recognizers.push_back(list[i].recognizer);
      const uint32_t bit = uint32_t{1} << i;
      for (unsigned c = 0; c < 256; ++c) {
        const auto b = static_cast<unsigned char>(c);
        const size_t k = byte_class_[c];
        if (list[i].first.Has(b)) masks_[out.table + k] |= bit;
        if (list[i].prev.Has(b)) masks_[out.table + class_count_ + k] |= bit;
        if (list[i].next.Has(b)) masks_[out.table + 2 * class_count_ + k] |= bit;
      }
    }
  }
  for (const KeywordEntry& k : keywords_) max_keyword_ = std::max(max_keyword_, static_cast<uint32_t>(k.text.size()));
  if (keywords_.empty()) return Status::Ok();
  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < keywords_.size(); ++i) {
    exprs.push_back(keywords_[i].text.data());
    lens.push_back(keywords_[i].text.size());
    flags.push_back(HS_FLAG_CASELESS);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(), static_cast<unsigned>(exprs.size()),
                           HS_MODE_BLOCK, nullptr, &db_, &err) != HS_SUCCESS) {
    std::string msg = err != nullptr && err->message != nullptr ? err->message : "unknown";
    if (err != nullptr) hs_free_compile_error(err);
    return Status::Internal("cannot compile keyword database: " + msg);
  }
  if (hs_alloc_scratch(db_, &proto_scratch_) != HS_SUCCESS) return Status::Internal("cannot allocate Vectorscan scratch");
  return Status::Ok();
}

std::unique_ptr<Scratch> Engine::NewScratch() const {
  auto s = std::make_unique<EngineScratch>();
  if (proto_scratch_ != nullptr && hs_clone_scratch(proto_scratch_, &s->hs) != HS_SUCCESS) s->hs = nullptr;
  return s;
}

void Engine::Prepare(std::string_view buffer, Scratch& scratch_base) const {
  auto& s = static_cast<EngineScratch&>(scratch_base);
  s.prepared = {};
  s.prepared_hits.clear();
  // Offsets are 32-bit; a larger buffer is simply not prepared (Scan searches per text).
  if (db_ == nullptr || s.hs == nullptr || buffer.empty() || buffer.size() > UINT32_MAX) return;
  hs_scan(db_, buffer.data(), static_cast<unsigned>(buffer.size()), 0, s.hs, OnMatch, &s.prepared_hits);
  for (KeywordHit& h : s.prepared_hits) h.start = h.end - static_cast<uint32_t>(keywords_[h.id].text.size());
  SortByStart(s.prepared_hits);
  s.prepared = buffer;
}

std::string_view Engine::RecognizerName(uint16_t id) const {
  return id < recognizers_.size() ? recognizers_[id]->name() : std::string_view("unknown");
}

void Engine::Scan(std::string_view text, const FieldHints& hints, Scratch& scratch_base,
                  std::vector<Finding>& out) const {
  auto& s = static_cast<EngineScratch&>(scratch_base);
  if (text.empty() || text.size() > UINT32_MAX) return;
  s.at_signs.clear();
  s.hits.clear();
  s.pending.clear();
  size_t token_count = 0;
  const bool high = Tokenize(text, s.tokens, token_count, s.at_signs);
  const std::span<const Token> tokens(s.tokens.data(), token_count);
  const char* const prepared_end = s.prepared.data() + s.prepared.size();
  if (!s.prepared.empty() && text.data() >= s.prepared.data() && text.data() + text.size() <= prepared_end) {
    // The hits of the prepared buffer that lie wholly inside this text: exactly what a
    // search of the text alone would find.
    const auto base = static_cast<uint32_t>(text.data() - s.prepared.data());
    const auto limit = static_cast<uint32_t>(base + text.size());
    auto it = std::lower_bound(s.prepared_hits.begin(), s.prepared_hits.end(), base,
                               [](const KeywordHit& h, uint32_t v) { return h.start < v; });
    for (; it != s.prepared_hits.end() && it->start < limit; ++it) {
      if (it->end <= limit) s.hits.push_back(KeywordHit{it->start - base, it->end - base, it->id});
    }
  } else if (db_ != nullptr && s.hs != nullptr) {
    hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, s.hs, OnMatch, &s.hits);
    for (KeywordHit& h : s.hits) h.start = h.end - static_cast<uint32_t>(keywords_[h.id].text.size());
    SortByStart(s.hits);
  }
  Unit unit;
  unit.text = text;
  unit.tokens = tokens;
  unit.keywords = s.hits;
  for (const KeywordHit& h : s.hits) {
    unit.context_present |= keywords_[h.id].context;
    unit.negative_present |= keywords_[h.id].negative;
  }
  unit.max_keyword = max_keyword_;
  unit.hints = &hints;
  unit.engine = this;
  CollectingSink sink(s.pending, options_.categories);

  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const uint32_t* masks = masks_.data();
  const size_t classes = class_count_;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Token& tok = tokens[t];
    const Slot& slot = slots_[static_cast<size_t>(tok.kind) * 64 + std::min<uint32_t>(tok.size(), 63)];
    if (slot.recognizers.empty()) continue;
    const unsigned char prev = tok.start > 0 ? bytes[tok.start - 1] : 0;
    const unsigned char next = tok.end < n ? bytes[tok.end] : 0;
    const uint32_t* m = masks + slot.table;
    uint32_t want = m[byte_class_[bytes[tok.start]]] & m[classes + byte_class_[prev]] & m[2 * classes + byte_class_[next]];
    while (want != 0) {
      const uint16_t r = slot.recognizers[static_cast<size_t>(__builtin_ctz(want))];
      want &= want - 1;
      sink.set_recognizer(r);
      recognizers_[r]->OnToken(unit, t, sink);
    }
  }
  for (uint32_t pos : s.at_signs) {
    for (uint16_t r : at_sign_) {
      sink.set_recognizer(r);
      recognizers_[r]->OnAt(unit, pos, sink);
    }
  }
  for (const KeywordHit& h : s.hits) {
    for (uint16_t r : keywords_[h.id].triggers) {
      sink.set_recognizer(r);
      recognizers_[r]->OnKeyword(unit, h, sink);
    }
  }
  for (uint16_t r : every_unit_) {
    sink.set_recognizer(r);
    recognizers_[r]->OnUnit(unit, sink);
  }
  if (hints.categories != 0) {
    for (uint16_t r : hinted_units_) {
      if ((recognizers_[r]->categories() & hints.categories) == 0) continue;
      sink.set_recognizer(r);
      recognizers_[r]->OnUnit(unit, sink);
    }
    if (!high) {
      for (uint16_t r : hinted_ascii_units_) {
        if ((recognizers_[r]->categories() & hints.categories) == 0) continue;
        sink.set_recognizer(r);
        recognizers_[r]->OnUnit(unit, sink);
      }
    }
  }
  if (high) {
    for (uint16_t r : cjk_units_) {
      sink.set_recognizer(r);
      recognizers_[r]->OnUnit(unit, sink);
    }
  }

  // Keep confident findings; where two overlap keep the more confident, then the longer.
  auto& p = s.pending;
  p.erase(std::remove_if(p.begin(), p.end(), [&](const Finding& f) { return f.confidence < options_.min_confidence; }),
          p.end());
  std::sort(p.begin(), p.end(), [](const Finding& a, const Finding& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  const size_t first = out.size();
  auto better = [](const Finding& a, const Finding& b) {
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    return (a.end - a.start) > (b.end - b.start);
  };
  for (const Finding& f : p) {
    bool keep = true;
    // Replace the kept findings f overlaps only if f beats each of them; on a tie
    // (including the same span from a second recognizer) the earlier one stays.
    while (out.size() > first && f.start < out.back().end) {
      if (!better(f, out.back())) {
        keep = false;
        break;
      }
      out.pop_back();
    }
    if (keep) out.push_back(f);
  }
}

}  // namespace custos::detect
