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
// phone_number, email_address, im_account
RecognizerList MakeContactRecognizers();
// ip_address, mac_address
RecognizerList MakeNetworkRecognizers();
// geo_coordinates, license_plate, date_of_birth, credential_secret, health_info
RecognizerList MakeMiscRecognizers();
// person_name (Chinese and Latin)
RecognizerList MakeNameRecognizers();
// postal_address (Chinese gazetteer, Latin street addresses)
RecognizerList MakeAddressRecognizers();

}  // namespace custos::detect

#endif  // CUSTOS_DETECT_RECOGNIZERS_GROUPS_H_
