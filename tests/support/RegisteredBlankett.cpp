#include "support/RegisteredBlankett.hpp"

#include "support/FormSamples.hpp"

#include "forms/BlankettRenderer.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace inkorg::test {

long long registeredBlankett(const Daemon& daemon, const std::string& formId, const std::filesystem::path& scratch,
                             const std::string& token, std::optional<std::chrono::system_clock::time_point> arrived)
{
    const auto pdf = scratch / (formId + ".pdf");
    if (!std::filesystem::exists(pdf)) {
        const auto sample = formSample(formId);
        forms::renderBlankett(loadFormSpec(formId), forms::blankettLayouts().front(), &sample.printed, pdf);
        const auto inbox = daemon.dataDir() / "inbox" / (formId + ".pdf");
        if (arrived) {
            const auto arriving = scratch / (formId + ".arriving.pdf");
            std::filesystem::copy_file(pdf, arriving);
            std::filesystem::last_write_time(arriving, std::chrono::file_clock::from_sys(*arrived));
            std::filesystem::rename(arriving, inbox);
        } else {
            std::filesystem::copy_file(pdf, inbox);
        }
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (std::chrono::steady_clock::now() < deadline) {
        const auto reply = daemon.get("/api/documents?form=" + formId, token);
        const auto list = Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Array::Ptr>();
        if (list->size() > 0) return list->getObject(0)->getValue<long long>("id");
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    ADD_FAILURE() << formId << " was not registered in time";
    return 0;
}

} // namespace inkorg::test
