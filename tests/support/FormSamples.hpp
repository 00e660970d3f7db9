#pragma once
/// Filled-in examples of the four forms for the form tests: what is printed on the blankett
/// (record key → text, as BlankettRenderer takes it) and the record extraction must give back.

#include "forms/FormSpec.hpp"

#include <inkorg/record.hpp>

#include <map>
#include <string>
#include <vector>

namespace inkorg::test {

struct FormSample {
    std::map<std::string, std::string> printed;
    std::map<std::string, Value> expected;
};

/// The four form ids of FORMS.md.
const std::vector<std::string>& formIds();
/// forms/<id>/form.json of the source tree.
forms::FormSpec loadFormSpec(const std::string& id);
/// A complete, valid example of the form.
FormSample formSample(const std::string& id);

} // namespace inkorg::test
