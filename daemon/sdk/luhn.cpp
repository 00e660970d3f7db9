#include <inkorg/swedish.hpp>

namespace inkorg::swedish {

bool luhnValid(std::string_view digits)
{
    if (digits.size() < 2) return false;
    int sum = 0;
    bool doubled = false;   // the check digit (rightmost) is not doubled
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it < '0' || *it > '9') return false;
        int digit = *it - '0';
        if (doubled) {
            digit *= 2;
            if (digit > 9) digit -= 9;   // the sum of the product's digits
        }
        sum += digit;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

} // namespace inkorg::swedish
