// Categories of personal information, exactly as in docs/categories.md (a contract:
// identifiers are never renamed, only added). Each carries its group, whether PIPL
// art. 28 makes it sensitive, and the legal source; the table is data/categories.tsv,
// compiled into the binary.
#ifndef CUSTOS_DETECT_CATEGORY_H_
#define CUSTOS_DETECT_CATEGORY_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace custos::detect {

// The order matches data/categories.tsv; a test keeps them in step.
enum class Category : uint8_t {
  kPersonName,
  kCnResidentId,
  kPassportNumber,
  kTravelPermit,
  kHkId,
  kTwId,
  kUsSsn,
  kPhoneNumber,
  kEmailAddress,
  kPostalAddress,
  kImAccount,
  kIpAddress,
  kMacAddress,
  kImei,
  kBankCardNumber,
  kBankAccount,
  kIban,
  kCredentialSecret,
  kGeoCoordinates,
  kLicensePlate,
  kVin,
  kDateOfBirth,
  kHealthInfo,
  kOrgCreditCode,
};
inline constexpr int kCategoryCount = static_cast<int>(Category::kOrgCreditCode) + 1;

// A set of categories as a bitmask (bit i = Category i).
using CategorySet = uint32_t;
constexpr CategorySet Bit(Category c) { return CategorySet{1} << static_cast<int>(c); }
constexpr bool Contains(CategorySet s, Category c) { return (s & Bit(c)) != 0; }

struct CategoryInfo {
  Category category;
  std::string_view id;            // e.g. "cn_resident_id"
  std::string_view what;          // one-line description
  std::string_view group;         // GB/T 35273-2020 App. A group
  bool sensitive;                 // PIPL art. 28
  std::string_view legal_source;  // articles and standards behind the category
};

const CategoryInfo& Info(Category c);
inline std::string_view Name(Category c) { return Info(c).id; }
std::span<const CategoryInfo> AllCategories();
// Parses an identifier such as "phone_number"; nullopt if unknown.
std::optional<Category> ParseCategory(std::string_view id);
// "person_name, cn_resident_id, ..." for error messages that list valid identifiers.
std::string CategoryList();

}  // namespace custos::detect

#endif  // CUSTOS_DETECT_CATEGORY_H_
