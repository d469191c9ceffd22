// Column and key names as hints: "手机号" or "mobile" says the values are phone numbers.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "custos/detect/detector.h"

namespace custos::detect {

namespace {

struct HintWord {
  std::string_view word;
  Category category;
};

// Short ASCII words must equal a whole component of the name ("ip" in "client_ip",
// not in "zip"); longer words and CJK words may appear anywhere in it.
constexpr HintWord kHints[] = {
    {"phone", Category::kPhoneNumber}, {"mobile", Category::kPhoneNumber}, {"tel", Category::kPhoneNumber},
    {"telephone", Category::kPhoneNumber}, {"cellphone", Category::kPhoneNumber}, {"msisdn", Category::kPhoneNumber},
    {"手机", Category::kPhoneNumber}, {"电话", Category::kPhoneNumber}, {"联系方式", Category::kPhoneNumber},
    {"idcard", Category::kCnResidentId}, {"idno", Category::kCnResidentId}, {"idnumber", Category::kCnResidentId},
    {"citizenid", Category::kCnResidentId}, {"身份证", Category::kCnResidentId}, {"证件号", Category::kCnResidentId},
    {"name", Category::kPersonName}, {"fullname", Category::kPersonName}, {"realname", Category::kPersonName},
    {"surname", Category::kPersonName}, {"firstname", Category::kPersonName}, {"lastname", Category::kPersonName},
    {"姓名", Category::kPersonName}, {"名字", Category::kPersonName}, {"联系人", Category::kPersonName},
    {"收件人", Category::kPersonName}, {"收货人", Category::kPersonName}, {"患者", Category::kPersonName},
    {"email", Category::kEmailAddress}, {"mail", Category::kEmailAddress}, {"邮箱", Category::kEmailAddress},
    {"电子邮件", Category::kEmailAddress},
    {"address", Category::kPostalAddress}, {"addr", Category::kPostalAddress}, {"地址", Category::kPostalAddress},
    {"住址", Category::kPostalAddress}, {"street", Category::kPostalAddress},
    {"card", Category::kBankCardNumber}, {"cardno", Category::kBankCardNumber}, {"bankcard", Category::kBankCardNumber},
    {"pan", Category::kBankCardNumber}, {"银行卡", Category::kBankCardNumber}, {"卡号", Category::kBankCardNumber},
    {"account", Category::kBankAccount}, {"acct", Category::kBankAccount}, {"accountno", Category::kBankAccount},
    {"账号", Category::kBankAccount}, {"账户", Category::kBankAccount}, {"帐号", Category::kBankAccount},
    {"iban", Category::kIban},
    {"ip", Category::kIpAddress}, {"ipaddr", Category::kIpAddress}, {"clientip", Category::kIpAddress},
    {"remoteaddr", Category::kIpAddress},
    {"mac", Category::kMacAddress}, {"macaddr", Category::kMacAddress},
    {"imei", Category::kImei},
    {"diagnosis", Category::kHealthInfo}, {"disease", Category::kHealthInfo}, {"medical", Category::kHealthInfo},
    {"health", Category::kHealthInfo}, {"symptom", Category::kHealthInfo}, {"prescription", Category::kHealthInfo},
    {"allergy", Category::kHealthInfo}, {"诊断", Category::kHealthInfo}, {"疾病", Category::kHealthInfo},
    {"病历", Category::kHealthInfo}, {"病史", Category::kHealthInfo}, {"处方", Category::kHealthInfo},
    {"过敏", Category::kHealthInfo}, {"症状", Category::kHealthInfo}, {"检查结果", Category::kHealthInfo},
    {"dob", Category::kDateOfBirth}, {"birthday", Category::kDateOfBirth}, {"birthdate", Category::kDateOfBirth},
    {"dateofbirth", Category::kDateOfBirth}, {"birth", Category::kDateOfBirth}, {"出生", Category::kDateOfBirth},
    {"生日", Category::kDateOfBirth},
    {"lat", Category::kGeoCoordinates}, {"lng", Category::kGeoCoordinates}, {"lon", Category::kGeoCoordinates},
    {"latitude", Category::kGeoCoordinates}, {"longitude", Category::kGeoCoordinates}, {"gps", Category::kGeoCoordinates},
    {"location", Category::kGeoCoordinates}, {"coordinates", Category::kGeoCoordinates},
    {"坐标", Category::kGeoCoordinates}, {"经纬度", Category::kGeoCoordinates}, {"定位", Category::kGeoCoordinates},
    {"plate", Category::kLicensePlate}, {"车牌", Category::kLicensePlate},
    {"vin", Category::kVin}, {"车架号", Category::kVin},
    {"qq", Category::kImAccount}, {"wechat", Category::kImAccount}, {"weixin", Category::kImAccount},
    {"微信", Category::kImAccount},
    {"passport", Category::kPassportNumber}, {"护照", Category::kPassportNumber},
    {"permit", Category::kTravelPermit}, {"通行证", Category::kTravelPermit},
    {"password", Category::kCredentialSecret}, {"passwd", Category::kCredentialSecret},
    {"pwd", Category::kCredentialSecret}, {"secret", Category::kCredentialSecret}, {"token", Category::kCredentialSecret},
    {"apikey", Category::kCredentialSecret}, {"密码", Category::kCredentialSecret},
    {"ssn", Category::kUsSsn}, {"hkid", Category::kHkId}, {"creditcode", Category::kOrgCreditCode},
    {"uscc", Category::kOrgCreditCode}, {"信用代码", Category::kOrgCreditCode},
};

// Components that, placed before "name", make it a thing's name, not a person's.
constexpr std::string_view kNotPersonName[] = {
    "file", "product", "company", "org", "host", "db", "table", "app", "device", "item", "goods",
    "shop", "store", "brand", "city", "domain", "server", "class", "type", "key", "bucket", "field",
    "column", "project", "service", "event", "package", "display", "user", "account", "model", "path"};

bool IsAsciiWord(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

CategorySet HintsForFieldName(std::string_view name) {
  // Split into lowercase components on separators and camelCase boundaries.
  std::vector<std::string> parts;
  std::string cur;
  char prev = 0;
  for (char c : name) {
    const bool sep = c == '_' || c == '-' || c == ' ' || c == '.' || c == '/' || c == '$' || c == '[' || c == ']';
    const bool upper = c >= 'A' && c <= 'Z';
    if (sep || (upper && prev >= 'a' && prev <= 'z')) {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
      if (sep) {
        prev = c;
        continue;
      }
    }
    cur.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
    prev = c;
  }
  if (!cur.empty()) parts.push_back(cur);
  std::string joined;
  for (const auto& p : parts) joined += p;

  CategorySet out = 0;
  for (const HintWord& h : kHints) {
    const bool whole_only = IsAsciiWord(h.word) && h.word.size() <= 4;
    bool match = false;
    if (whole_only) {
      match = std::find(parts.begin(), parts.end(), h.word) != parts.end() || joined == h.word;
    } else {
      match = joined.find(h.word) != std::string::npos;
    }
    if (!match) continue;
    if (h.category == Category::kPersonName && h.word == "name") {
      auto it = std::find(parts.begin(), parts.end(), "name");
      if (it != parts.begin() && it != parts.end() &&
          std::find(std::begin(kNotPersonName), std::end(kNotPersonName), *(it - 1)) != std::end(kNotPersonName)) {
        continue;
      }
      if (it == parts.end() && joined != "name") continue;  // e.g. "filename" as one word
    }
    out |= Bit(h.category);
  }
  // "name" inside "username"/"nickname" etc. is an account or alias, not a legal name.
  if (joined == "username" || joined == "nickname" || joined == "loginname") out &= ~Bit(Category::kPersonName);
  return out;
}

}  // namespace custos::detect
