// The OCR worker's "reread" operation (WorkerProtocol, LineReread) given requests a compromised or
// buggy host could send: boxes outside the page, of no or negative size, of a size whose end
// overflows an int, taller than any line, characters without end, a hundred thousand boxes. A bad
// box is refused on its own by the real worker process — the good boxes of the same request are
// read, as they read alone —, too many boxes refuse the request at once, and the same worker reads
// on afterwards, still under its system call filter.
#include "support/ProcessInfo.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"
#include "text/Leptonica.hpp"
#include "text/TextExtractor.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <climits>
#include <string>
#include <vector>

using namespace inkorg;
using namespace inkorg::text;

namespace {

class RereadRequests : public testing::Test {
protected:
    RereadRequests()
    {
        auto options = test::testTextOptions(1);
        options.onPageStarted = [this](const PageStarted& started) { worker = started.worker; };
        extractor = std::make_unique<TextExtractor>(options);
        // A small scan with a few lines of print (Tesseract's own test page, read in place).
        extractor->read(test::ocrTestPages() / "phototest.tif", images);
        const std::string bytes = images.at(0).encoded();
        const PixPtr page{pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size())};
        width = pixGetWidth(page.get());
        height = pixGetHeight(page.get());
    }

    /// The worker's error for `regions`, or "" when it read them.
    std::string refusal(const std::vector<LineRegion>& regions)
    {
        try {
            extractor->rereadLines(images.at(0), regions);
            return "";
        } catch (const std::exception& error) {
            return error.what();
        }
    }

    test::TempDir dir;
    std::atomic<pid_t> worker{0};
    std::unique_ptr<TextExtractor> extractor;
    std::vector<PageImage> images;
    int width = 0, height = 0;
};

TEST_F(RereadRequests, ABoxThatIsNoLineOfThePageIsRefusedAloneAndTheWorkerReadsOn)
{
    ASSERT_GT(width, 100);
    ASSERT_GT(worker.load(), 0);
    const pid_t pid = worker;
    const LineRegion good{{100, 100, 200, 40}, "0123456789"};
    ASSERT_EQ(refusal({good}), "");

    const std::vector<std::pair<const char*, LineRegion>> hostile{
        {"right of the page", {{width + 10, 100, 50, 40}, ""}},
        {"below the page", {{100, height, 50, 40}, ""}},
        {"reaching past the right edge", {{width - 10, 100, 50, 40}, ""}},
        {"negative x", {{-20, 100, 50, 40}, ""}},
        {"negative y", {{100, -5, 50, 40}, ""}},
        {"no width", {{100, 100, 0, 40}, ""}},
        {"no height", {{100, 100, 50, 0}, ""}},
        {"negative size", {{300, 300, -50, -40}, ""}},
        {"x + width overflows", {{100, 100, INT_MAX, 40}, ""}},
        {"y + height overflows", {{100, INT_MAX - 5, 50, INT_MAX}, ""}},
        {"the whole page as one line", {{0, 0, width, height}, ""}},
        {"characters without end", {{100, 100, 200, 40}, std::string(100000, '7')}},
    };
    const LineRegion second{{20, 20, 300, 40}, ""};
    const auto alone = extractor->rereadLines(images.at(0), {good, second});
    ASSERT_EQ(alone.size(), 2u);
    ASSERT_FALSE(alone[1].text.empty()) << "the second box holds a line of print";
    for (const auto& [what, region] : hostile) {
        std::vector<LineText> lines;
        ASSERT_NO_THROW(lines = extractor->rereadLines(images.at(0), {good, region, second})) << what;
        ASSERT_EQ(lines.size(), 3u) << what;
        EXPECT_EQ(lines[0].refused, "") << what;
        EXPECT_EQ(lines[0].text, alone[0].text) << what;
        EXPECT_NE(lines[1].refused, "") << what;
        EXPECT_EQ(lines[1].text, "") << what;
        EXPECT_EQ(lines[2].refused, "") << what;
        EXPECT_EQ(lines[2].text, alone[1].text) << what << ": the box after the bad one is read too";
        EXPECT_EQ(worker.load(), pid);
        EXPECT_TRUE(test::isAlive(pid)) << what;
    }
    EXPECT_NE(extractor->rereadLines(images.at(0), {{{width + 10, 100, 50, 40}, ""}}).at(0).refused.find("not inside the page"),
              std::string::npos);
    EXPECT_NE(extractor->rereadLines(images.at(0), {{{0, 0, width, height}, ""}}).at(0).refused.find("no line"),
              std::string::npos);

    // A hundred thousand good boxes: refused at once, not read one by one until the page timeout.
    const auto started = std::chrono::steady_clock::now();
    const std::string error = refusal(std::vector<LineRegion>(100000, good));
    EXPECT_NE(error.find("100000 regions, at most"), std::string::npos) << error;
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));

    // The same worker, still filtered, still reads.
    EXPECT_EQ(refusal({good}), "");
    EXPECT_TRUE(test::isAlive(pid));
    EXPECT_EQ(test::statusLine(pid, "Seccomp"), "2") << "the system call filter is in force for reread";
}

} // namespace
