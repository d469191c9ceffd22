// Internal to detect: factories for the built-in recognizer groups.
#ifndef CUSTOS_DETECT_RECOGNIZERS_GROUPS_H_
#define CUSTOS_DETECT_RECOGNIZERS_GROUPS_H_

#include <memory>
#include <vector>

#include "custos/detect/recognizer.h"

namespace custos::detect {

using RecognizerList = std::vector<std::unique_ptr<Recognizer>>;

// cn_resident_id, hk_id, tw_id, us_ssn, passport_number, travel_permit, org_credit_code
RecognizerList MakeIdentityRecognizers();
// bank_card_number, bank_account, iban, imei, vin
RecognizerList MakeFinancialRecognizers();
// phone_number
RecognizerList MakePhoneRecognizers();
// email_address, im_account
RecognizerList MakeContactRecognizers();
// ip_address, mac_address
RecognizerList MakeNetworkRecognizers();
// geo_coordinates, license_plate
RecognizerList MakeLocationRecognizers();
// date_of_birth
RecognizerList MakeBirthDateRecognizers();
// credential_secret
RecognizerList MakeSecretRecognizers();
// health_info
RecognizerList MakeHealthRecognizers();
// person_name: Chinese
RecognizerList MakeNameRecognizers();
// person_name: Latin script
RecognizerList MakeLatinNameRecognizers();
// postal_address: Chinese (GB/T 2260 gazetteer)
RecognizerList MakeAddressRecognizers();
// postal_address: Latin-script street addresses
RecognizerList MakeLatinAddressRecognizers();

}  // namespace custos::detect

#endif  // CUSTOS_DETECT_RECOGNIZERS_GROUPS_H_
