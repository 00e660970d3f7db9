#pragma once
/// The one failure the text stage reports for bad input.

#include <stdexcept>

namespace inkorg::text {

/// A file that cannot be turned into text. what() is a Swedish sentence for a registrator:
/// what is wrong and what to do ("PDF-filen är krypterad … – be avsändaren skicka den utan
/// lösenord"). Faults of inkorg itself (a worker that cannot be started) are not Unreadable.
class Unreadable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace inkorg::text
