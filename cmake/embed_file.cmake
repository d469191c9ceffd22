# Script mode helper for custos_embed: writes the bytes of IN as a C++ array.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR n "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
string(REGEX REPLACE "(([^,]*,){24})" "\\1\n" body "${body}")
file(WRITE ${OUT} "// Generated from ${IN}. Do not edit.\n#include <string_view>\n"
  "namespace ${NS} {\nnamespace {\nconstexpr char kData[${n} + 1] = {\n${body}'\\0'};\n}\n"
  "std::string_view ${SYM}() { return std::string_view(kData, ${n}); }\n}  // namespace ${NS}\n")
