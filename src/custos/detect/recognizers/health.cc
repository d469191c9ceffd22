// Health information: condition, medication and test terms, the phrase after a diagnosis
// word when it names a condition, and whole values of fields hinted as health data.
#include <algorithm>
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
// Health information: diagnoses, conditions, medications and tests by name; the phrase
// after 诊断/确诊/diagnosed with; the whole value of a field hinted as health data.

// Words that introduce a diagnosis: the finding is the phrase after them.
bool IntroducesDiagnosis(std::string_view w) {
  return InList(w, {"诊断", "诊断为", "诊断结果", "确诊", "确诊为", "患有", "diagnosed with", "diagnosis",
                    "diagnosed as"});
}

// Acronyms that are ordinary words in lower case ("hearing aids").
bool NeedsUpperCase(std::string_view w) { return InList(w, {"hiv", "aids", "hba1c"}); }

class HealthRecognizer final : public Recognizer {
 public:
  std::string_view name() const override { return "health_terms"; }
  CategorySet categories() const override { return Bit(Category::kHealthInfo); }
  Interest interest() const override {
    Interest in;
    in.hinted_units = true;
    return in;
  }
  std::vector<KeywordSpec> keywords() const override {
    std::vector<KeywordSpec> k;
    AddKeywords(k,
                {// introducers
                 "诊断", "诊断为", "诊断结果", "确诊", "确诊为", "患有", "diagnosed with", "diagnosis", "diagnosed as",
                 // conditions
                 "高血压", "糖尿病", "抑郁症", "焦虑症", "精神分裂", "双相情感障碍", "精神病", "自闭症", "艾滋病", "乙肝",
                 "丙肝", "肝炎", "癌症", "肝硬化", "肺结核", "结核病", "癌", "肿瘤", "白血病", "心脏病", "冠心病", "心肌梗死",
                 "脑卒中", "中风", "哮喘", "癫痫", "帕金森", "阿尔茨海默", "老年痴呆", "梅毒", "淋病", "性病", "不孕",
                 "流产", "新冠", "hiv", "aids", "hepatitis", "diabetes", "hypertension", "cancer", "tumor", "tumour",
                 "leukemia", "asthma", "epilepsy", "schizophrenia", "bipolar disorder", "dementia", "alzheimer",
                 "tuberculosis", "depressive disorder", "major depression",
                 // treatment and tests
                 "处方", "化疗", "放疗", "透析", "胰岛素", "二甲双胍", "抗抑郁", "血糖", "血压", "血常规", "病理",
                 "病历", "病史", "prescribed", "prescription", "chemotherapy", "dialysis", "insulin", "metformin",
                 "blood glucose", "blood pressure", "hba1c",
                 // people with conditions
                 "患者", "病人", "就诊", "住院", "patient"},
                Category::kHealthInfo, KeywordRole::kTrigger);
    return k;
  }

  void OnKeyword(const Unit& u, const KeywordHit& h, Sink& out) const override {
    const std::string_view w = u.KeywordText(h.id);
    if (!WordBounded(u, h.start, h.end)) return;
    if (NeedsUpperCase(w)) {
      for (uint32_t i = h.start; i < h.end; ++i) {
        if (IsLower(u.At(i))) return;
      }
    }
    if (IntroducesDiagnosis(w)) {
      Phrase(u, h, out);
      return;
    }
    if (InList(w, {"患者", "病人", "就诊", "住院", "patient", "病历", "病史"})) return;  // context only
    const bool context = NearestContext(u, Category::kHealthInfo, h.start, h.end) == Ctx::kPositive;
    // A lone English term is too often something else ("prescription" as a glyph name,
    // "cancer" as a word in prose); a Chinese condition name, or HIV/AIDS in capitals,
    // rarely is.
    const float alone = IsHigh(u.At(h.start)) || NeedsUpperCase(w) ? 0.6f : 0.45f;
    out.Emit(h.start, h.end, Category::kHealthInfo, context ? 0.85f : alone);
  }

  void OnUnit(const Unit& u, Sink& out) const override {
    if (!u.Hinted(Category::kHealthInfo)) return;
    uint32_t s = 0, e = 0;
    if (!Trim(u.text, &s, &e)) return;
    const std::string_view v = u.Slice(s, e);
    if (v == "-" || v == "无" || EqualsLower(v, "n/a") || EqualsLower(v, "null") || EqualsLower(v, "none")) return;
    out.Emit(s, e, Category::kHealthInfo, 0.9f);
  }

 private:
  // The phrase after an introducer, up to punctuation: "诊断为2型糖尿病，" → "2型糖尿病".
  static void Phrase(const Unit& u, const KeywordHit& h, Sink& out) {
    uint32_t i = h.end;
    for (int k = 0; k < 3; ++k) {
      if (u.At(i) == ' ' || u.At(i) == ':') {
        ++i;
      } else if (Has(u, i, "：") || Has(u, i, "为") || Has(u, i, "是")) {
        i += 3;
      }
    }
    const uint32_t s = i;
    uint32_t e = s;
    const uint64_t limit = std::min<uint64_t>(uint64_t{s} + 60, u.text.size());
    while (e < limit) {
      const char c = u.text[e];
      if (c == ',' || c == ';' || c == '!' || c == '?' || c == '|' || c == '"' || c == '\n' || c == '\r' ||
          c == '(' || c == ')' || (c == '.' && !IsDigit(u.At(int64_t{e} + 1))) ||
          (IsHigh(c) && (Has(u, e, "，") || Has(u, e, "。") || Has(u, e, "；") || Has(u, e, "、") ||
                         Has(u, e, "（") || Has(u, e, "！")))) {
        break;
      }
      ++e;
    }
    e = Utf8Floor(u, s, e);
    while (e > s && IsSpace(u.text[e - 1])) --e;
    if (e == s) return;
    // "Diagnosis" is also a word of engineering ("error diagnosis", "故障诊断",
    // "diagnosed with -std=c2x"): the phrase must name a condition, by a listed term or
    // a disease-like ending, or stand next to a patient.
    float conf = 0;
    if (HasHealthTermIn(u, s, e)) {
      conf = 0.85f;
    } else if (EndsLikeACondition(u.Slice(s, e))) {
      conf = 0.8f;
    } else if (NearPatient(u, h.start, e)) {
      conf = 0.7f;
    } else {
      return;
    }
    out.Emit(s, e, Category::kHealthInfo, conf);
  }

  // A word for a patient or a medical record lies within the window around [s, e).
  static bool NearPatient(const Unit& u, uint32_t s, uint32_t e) {
    const uint32_t window = u.engine->options().context_window;
    const uint32_t lo = s > window ? s - window : 0;
    for (const KeywordHit& k : u.keywords) {
      if (k.start >= uint64_t{e} + window) break;
      if (k.end < lo || (k.start >= s && k.end <= e)) continue;
      if (InList(u.KeywordText(k.id), {"患者", "病人", "就诊", "住院", "patient", "病历", "病史"}) &&
          WordBounded(u, k.start, k.end)) {
        return true;
      }
    }
    return false;
  }

  // Another health keyword (not an introducer) lies inside [s, e).
  static bool HasHealthTermIn(const Unit& u, uint32_t s, uint32_t e) {
    for (const KeywordHit& k : u.keywords) {
      if (k.start >= e) break;
      if (k.start < s || k.end > e) continue;
      if (Contains(u.engine->keyword(k.id).context, Category::kHealthInfo) && !IntroducesDiagnosis(u.KeywordText(k.id))) {
        return true;
      }
    }
    return false;
  }

  static bool EndsLikeACondition(std::string_view p) {
    for (std::string_view end : {"炎", "病", "症", "癌", "瘤", "综合征", "骨折", "感染"}) {
      if (p.ends_with(end)) return true;
    }
    if (p.size() < 5) return false;
    char low[64];
    const size_t n = std::min(p.size(), sizeof(low));
    for (size_t i = 0; i < n; ++i) low[i] = Lower(p[p.size() - n + i]);
    const std::string_view tail(low, n);
    for (std::string_view end : {"itis", "osis", "oma", "emia", "disease", "disorder", "syndrome", "infection",
                                 "fracture", "deficiency"}) {
      if (tail.ends_with(end)) return true;
    }
    return false;
  }
};

}  // namespace

RecognizerList MakeHealthRecognizers() {
  RecognizerList list;
  list.push_back(std::make_unique<HealthRecognizer>());
  return list;
}

}  // namespace custos::detect
