// Check digits of the identifier formats custos detects, for validation and for
// recomputing them after a value is rewritten (format-preserving encryption).
//
// Every function takes ASCII text without separators and never allocates. `XxxValid(s)`
// says whether s has the right shape and its check character matches; `XxxCheckChar(body)`
// computes the check character for a body (the value without its check character) and
// returns '\0' when the body has the wrong shape. Letters are accepted in either case
// except where noted; callers that care about case check it themselves.
#ifndef CUSTOS_DETECT_CHECKSUMS_H_
#define CUSTOS_DETECT_CHECKSUMS_H_

#include <array>
#include <string_view>

namespace custos::detect {

// The shape of a GB 11643 resident ID, whatever its check character: 18 characters,
// 17 digits then a digit or X, a GB/T 2260 province code, a real date 1900-2099 in
// positions 7-14. Other recognizers use it to stay away from mistyped IDs (a wrong
// check digit makes an ID invalid, not a bank card or an organisation code).
bool ResidentIdShaped(std::string_view s);

// Luhn (ISO/IEC 7812-1 Annex B): payment card numbers, IMEI. Digits only; Valid needs
// at least 2 of them, the last being the check digit.
bool LuhnValid(std::string_view digits);
char LuhnCheckChar(std::string_view body);

// ISO 7064 MOD 11-2 over digits, check '0'..'9' or 'X' (Valid also accepts 'x').
// GB 11643 resident identity number: 17-digit body + check character.
bool Mod11_2Valid(std::string_view s);
char Mod11_2CheckChar(std::string_view body);

// ISO 7064 MOD 97-10 remainder of a string of digits and letters (A=10 .. Z=35), or -1
// if it holds anything else.
int Mod97_10(std::string_view alnum);
// ISO 13616 IBAN: 2 letters, 2 check digits, BBAN (up to 34 chars in all); the
// rearranged value is 1 mod 97. Country-specific lengths are not checked here.
bool IbanValid(std::string_view iban);
// The check digits (positions 3-4) for an IBAN whose other characters are given; its
// own positions 3-4 are ignored. {'\0','\0'} if the shape is wrong.
std::array<char, 2> IbanCheckDigits(std::string_view iban);

// GB 32100 unified social credit code: 17-char body + check char, all from the
// alphabet "0123456789ABCDEFGHJKLMNPQRTUWXY" (uppercase only), weights 3^i mod 31.
bool UsccValid(std::string_view code);
char UsccCheckChar(std::string_view body);

// ISO 3779 / FMVSS 565 vehicle identification number: 17 chars without I, O, Q; the
// check digit ('0'..'9' or 'X') sits at position 9. CheckChar takes all 17 chars and
// ignores the one at position 9.
bool VinValid(std::string_view vin);
char VinCheckChar(std::string_view vin);

// Hong Kong identity card: 1 or 2 letters + 6 digits + check ('0'..'9' or 'A').
// Valid accepts "A1234563" and "A123456(3)"; CheckChar takes "A123456".
bool HkidValid(std::string_view id);
char HkidCheckChar(std::string_view body);

// Taiwan national identification number: letter + 9 digits, last a check digit.
// CheckChar takes the letter + 8 digits.
bool TwIdValid(std::string_view id);
char TwIdCheckChar(std::string_view body);

// IMEI: 14 digits + Luhn check digit.
bool ImeiValid(std::string_view imei);
char ImeiCheckChar(std::string_view body);

// ICAO Doc 9303 machine-readable zone check digit (weights 7, 3, 1; '<' = 0, A = 10):
// over a field of digits, uppercase letters and '<'.
char Icao9303CheckChar(std::string_view field);

}  // namespace custos::detect

#endif  // CUSTOS_DETECT_CHECKSUMS_H_
