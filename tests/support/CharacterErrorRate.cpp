#include "support/CharacterErrorRate.hpp"

#include <algorithm>
#include <vector>

namespace inkorg::test {
namespace {

std::u32string normalized(const std::string& utf8)
{
    std::u32string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t code = length == 1 ? lead : lead & (0x7F >> length);
        for (int k = 1; k < length && i + k < utf8.size(); ++k) code = (code << 6) | (utf8[i + k] & 0x3F);
        i += length;
        const bool space = code == ' ' || code == '\n' || code == '\t' || code == '\r' || code == '\f';
        if (space) {
            if (!out.empty() && out.back() != U' ') out += U' ';
        } else {
            out += code;
        }
    }
    if (!out.empty() && out.back() == U' ') out.pop_back();
    return out;
}

} // namespace

double characterErrorRate(const std::string& recognized, const std::string& truth)
{
    const auto a = normalized(recognized);
    const auto b = normalized(truth);
    std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1])});
        std::swap(previous, current);
    }
    return b.empty() ? (a.empty() ? 0.0 : 1.0) : double(previous[b.size()]) / double(b.size());
}

} // namespace inkorg::test
