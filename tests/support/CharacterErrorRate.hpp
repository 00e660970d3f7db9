#pragma once
/// Character error rate of OCR output against ground truth, for accuracy assertions.

#include <string>

namespace inkorg::test {

/// Levenshtein distance between the two texts (as Unicode code points, whitespace runs folded to
/// one space and trimmed) divided by the length of `truth`.
double characterErrorRate(const std::string& recognized, const std::string& truth);

} // namespace inkorg::test
