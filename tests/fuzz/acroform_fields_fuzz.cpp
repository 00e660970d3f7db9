// Untrusted input: a fillable PDF (an e-tjänst's form), whose AcroForm fields
// text::readAcroFormFields reads with qpdf in a worker (names, tooltips, values, checkbox
// states); then formFieldMap, and the fields as the worker protocol carries them to the host:
// toJson, stringified and parsed with Poco as text/WorkerProtocol does, and formFieldsFromJson.
// The function takes a path, so each input is written to a scratch file first.
// Contract checked: fields, or none for a broken form; nothing escapes; the fields survive the
// trip to the host unchanged.

#include "text/AcroFormFields.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/TemporaryFile.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace {

const std::string& scratchFile()
{
    static const Poco::TemporaryFile file;
    static const std::string path = file.path();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace inkorg::text;
    std::ofstream(scratchFile(), std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), std::streamsize(size));
    const auto fields = readAcroFormFields(scratchFile());
    formFieldMap(fields);

    Poco::JSON::Object header;
    header.set("formFields", toJson(fields));
    std::ostringstream json;
    header.stringify(json);
    const auto parsed = Poco::JSON::Parser().parse(json.str()).extract<Poco::JSON::Object::Ptr>();
    const auto received = formFieldsFromJson(*parsed->getArray("formFields"));
    if (received.size() != fields.size()) std::abort();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (received[i].name != fields[i].name || received[i].alternativeName != fields[i].alternativeName ||
            received[i].value != fields[i].value || received[i].checked != fields[i].checked)
            std::abort();
    return 0;
}
