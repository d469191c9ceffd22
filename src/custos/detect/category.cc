#include "custos/detect/category.h"

#include <array>
#include <cstdlib>
#include <cstdio>
#include <vector>

namespace custos::detect {

std::string_view CategoriesTsv();  // embedded data/categories.tsv

namespace {

constexpr std::array<std::string_view, kCategoryCount> kIds = {
    "person_name",  "cn_resident_id",   "passport_number", "travel_permit",   "hk_id",
    "tw_id",        "us_ssn",           "phone_number",    "email_address",   "postal_address",
    "im_account",   "ip_address",       "mac_address",     "imei",            "bank_card_number",
    "bank_account", "iban",             "credential_secret", "geo_coordinates", "license_plate",
    "vin",          "date_of_birth",    "health_info",     "org_credit_code",
};

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return out;
}

// Builds the table from the embedded TSV. The TSV ships inside the binary, so a
// mismatch is a build defect, not bad user input: fail loudly at first use.
std::array<CategoryInfo, kCategoryCount> Load() {
  std::array<CategoryInfo, kCategoryCount> table{};
  std::string_view tsv = CategoriesTsv();
  size_t pos = tsv.find('\n') + 1;  // skip header
  int row = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() : nl + 1;
    if (line.empty()) continue;
    auto f = SplitTabs(line);
    if (row >= kCategoryCount || f.size() < 5 || f[0] != kIds[static_cast<size_t>(row)]) {
      std::fprintf(stderr, "custos: embedded categories table out of step with the code at row %d\n", row);
      std::abort();
    }
    table[static_cast<size_t>(row)] =
        CategoryInfo{static_cast<Category>(row), kIds[static_cast<size_t>(row)], f[1], f[2], f[3] == "yes", f[4]};
    ++row;
  }
  if (row != kCategoryCount) {
    std::fprintf(stderr, "custos: embedded categories table has %d rows, code has %d\n", row, kCategoryCount);
    std::abort();
  }
  return table;
}

const std::array<CategoryInfo, kCategoryCount>& Table() {
  static const std::array<CategoryInfo, kCategoryCount> table = Load();
  return table;
}

}  // namespace

const CategoryInfo& Info(Category c) { return Table()[static_cast<size_t>(c)]; }

std::span<const CategoryInfo> AllCategories() { return Table(); }

std::optional<Category> ParseCategory(std::string_view id) {
  for (size_t i = 0; i < kIds.size(); ++i) {
    if (kIds[i] == id) return static_cast<Category>(i);
  }
  return std::nullopt;
}

std::string CategoryList() {
  std::string out;
  for (auto id : kIds) {
    if (!out.empty()) out += ", ";
    out += id;
  }
  return out;
}

}  // namespace custos::detect
