// The list of built-in recognizers. Each group lives in its own file.
#include "custos/detect/recognizers/groups.h"

namespace custos::detect {

std::vector<std::unique_ptr<Recognizer>> BuiltinRecognizers() {
  std::vector<std::unique_ptr<Recognizer>> all;
  auto append = [&all](std::vector<std::unique_ptr<Recognizer>> group) {
    for (auto& r : group) all.push_back(std::move(r));
  };
  append(MakeIdentityRecognizers());
  append(MakeFinancialRecognizers());
  append(MakePhoneRecognizers());
  append(MakeContactRecognizers());
  append(MakeNetworkRecognizers());
  append(MakeLocationRecognizers());
  append(MakeBirthDateRecognizers());
  append(MakeSecretRecognizers());
  append(MakeHealthRecognizers());
  append(MakeNameRecognizers());
  append(MakeLatinNameRecognizers());
  append(MakeAddressRecognizers());
  append(MakeLatinAddressRecognizers());
  return all;
}

}  // namespace custos::detect
