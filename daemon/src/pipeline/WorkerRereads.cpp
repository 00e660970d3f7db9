#include "pipeline/WorkerRereads.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/Logger.h>

#include <algorithm>
#include <chrono>
#include <map>

namespace inkorg::pipeline {

forms::LineReader workerRereads(text::TextExtractor& text, const std::vector<text::PageImage>& images)
{
    return [&text, &images](const std::vector<forms::RereadRequest>& requests) {
        auto& log = Poco::Logger::get("inkorg.pipeline");
        std::vector<std::optional<forms::SecondReading>> answers(requests.size());
        std::map<int, std::vector<std::size_t>> byPage;
        for (std::size_t i = 0; i < requests.size(); ++i) byPage[requests[i].page].push_back(i);
        for (const auto& entry : byPage) {
            // Not a structured binding: clang 14 (the sanitizer build) cannot capture one in a lambda.
            const int page = entry.first;
            const auto& indices = entry.second;
            const auto image = std::find_if(images.begin(), images.end(),
                                            [&](const text::PageImage& each) { return each.number == page; });
            if (image == images.end()) continue;   // a text-layer page: nothing to read again
            std::vector<text::LineRegion> regions;
            for (auto i : indices) regions.push_back({requests[i].box, requests[i].characters});
            try {
                const auto started = std::chrono::steady_clock::now();
                const auto lines = text.rereadLines(*image, regions);
                const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
                log.debug("re-read %z values of page %d in %Ld ms", regions.size(), page, static_cast<long long>(took.count()));
                for (std::size_t k = 0; k < indices.size(); ++k) {
                    if (lines[k].refused.empty()) answers[indices[k]] = forms::SecondReading{lines[k].text, lines[k].confidence};
                    else   // that value stays as first read; the others are read all the same
                        log.warning("a value of page %d was not read again: %s", page, lines[k].refused);
                }
            } catch (const std::exception& error) {
                // The values stay as first read, with their format errors: nothing is lost.
                log.warning("re-reading %z values of page %d failed: %s", regions.size(), page,
                            swedish::maskPersonnummer(error.what()));
            }
        }
        return answers;
    };
}

} // namespace inkorg::pipeline
