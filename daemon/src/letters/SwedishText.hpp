#pragma once
/// How letters write numbers and dates in Swedish.

#include <string>

namespace inkorg::letters {

/// 12345 → "12 345 kr"; negative amounts keep their minus sign.
std::string kronor(long long amount);

/// "2026-03-05" → "5 mars 2026". Throws std::invalid_argument (Swedish) for anything that is
/// not a real date in the form YYYY-MM-DD; `what` names the field in the message.
std::string dateText(const std::string& isoDate, const std::string& what);

/// "2026-03" → "mars 2026". Throws std::invalid_argument (Swedish) unless YYYY-MM.
std::string monthText(const std::string& isoMonth, const std::string& what);

} // namespace inkorg::letters
