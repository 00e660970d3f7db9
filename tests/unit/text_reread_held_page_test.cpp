// A page's rereads (LineReread, WorkerProtocol "reread") decode it at most once: the worker that
// read the page still holds it (text/WorkerPages) and the host sends its rereads there
// (WorkerPool's preferred worker), so the second readings of its values and the third reading of
// those they left undecided decode nothing; a worker that does not hold the page decodes it once
// and holds it for the next request. Counted by TextExtractor::rereadDecodes(), from what each
// real worker process reports.
#include "support/TextFixtures.hpp"
#include "text/TextExtractor.hpp"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace inkorg;
using namespace inkorg::text;

namespace {

/// Two boxes of print on Tesseract's test page: the second readings, then a third of the first
/// box at another scale.
const std::vector<LineRegion> secondReadings{{{100, 100, 200, 40}, "0123456789"}, {{20, 20, 300, 40}, ""}};
const std::vector<LineRegion> thirdReading{{{100, 90, 200, 60}, "0123456789"}};

TEST(RereadHeldPage, TheWorkerThatReadThePageRereadsItWithoutDecodingIt)
{
    TextExtractor extractor(test::testTextOptions(1));
    std::vector<PageImage> images;
    extractor.read(test::ocrTestPages() / "phototest.tif", images);
    ASSERT_EQ(images.size(), 1u);
    ASSERT_GT(images[0].worker, 0) << "the page image names the worker that made it";

    const auto lines = extractor.rereadLines(images[0], secondReadings);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_FALSE(lines[1].text.empty()) << "the held page is the page: its print is read";
    extractor.rereadLines(images[0], thirdReading);
    EXPECT_EQ(extractor.rereadDecodes(), 0u);
}

TEST(RereadHeldPage, APageTheWorkerDoesNotHoldIsDecodedOnceForAllItsRereads)
{
    // The page was read by another extractor's worker: this one's worker has never seen it.
    std::vector<PageImage> images;
    TextExtractor(test::testTextOptions(1)).read(test::ocrTestPages() / "phototest.tif", images);
    ASSERT_EQ(images.size(), 1u);
    TextExtractor extractor(test::testTextOptions(1));

    const auto lines = extractor.rereadLines(images[0], secondReadings);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_FALSE(lines[1].text.empty());
    EXPECT_EQ(extractor.rereadDecodes(), 1u);
    extractor.rereadLines(images[0], thirdReading);
    EXPECT_EQ(extractor.rereadDecodes(), 1u) << "the third reading uses the page decoded for the second";
}

TEST(RereadHeldPage, EachPageIsRereadByTheWorkerThatReadIt)
{
    // Two documents read at the same time take both workers; each page's rereads go to its own
    // (an idle pool otherwise hands every request to its first worker).
    TextExtractor extractor(test::testTextOptions(2));
    extractor.startWorkers();
    std::vector<PageImage> first, second;
    {
        std::jthread other([&] { extractor.read(test::ocrTestPages() / "phototest-rotated-180.png", second); });
        extractor.read(test::ocrTestPages() / "phototest.tif", first);
    }
    ASSERT_EQ(first.size(), 1u);
    ASSERT_EQ(second.size(), 1u);
    ASSERT_NE(first[0].worker, second[0].worker) << "read at the same time, by the two workers";
    ASSERT_NE(first[0].encoded(), second[0].encoded()) << "two pages, not one held twice";

    for (int round = 0; round < 2; ++round)
        for (const auto* page : {&first[0], &second[0]}) {
            const auto lines = extractor.rereadLines(*page, secondReadings);
            ASSERT_EQ(lines.size(), 2u);
            EXPECT_FALSE(lines[1].text.empty());
        }
    EXPECT_EQ(extractor.rereadDecodes(), 0u);
}

TEST(RereadHeldPage, ARereadGoesToAnIdleWorkerWhileThePagesOwnIsBusy)
{
    // Under load the worker that read a page is often busy with another document's page by the
    // time the page's values are read again: the reread then goes to the idle worker, which
    // decodes the page (25 ms), instead of leaving it idle until the busy one is done (a page).
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<pid_t> started;
    auto options = test::testTextOptions(2);
    options.onPageStarted = [&](const PageStarted& page) {
        std::lock_guard lock(mutex);
        started.push_back(page.worker);
        cv.notify_all();
    };
    TextExtractor extractor(options);
    extractor.startWorkers();
    std::vector<PageImage> images;
    extractor.read(test::ocrTestPages() / "phototest.tif", images);
    ASSERT_EQ(images.size(), 1u);

    // Another document: its page goes to the first idle worker, the one that read the first page.
    std::jthread other([&] { extractor.read(test::ocrTestPages() / "phototest-rotated-180.png"); });
    {
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return started.size() == 2; });
        ASSERT_EQ(started[1], images[0].worker) << "the other page is read by the first page's worker";
    }
    const auto lines = extractor.rereadLines(images[0], secondReadings);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_FALSE(lines[1].text.empty());
    EXPECT_EQ(extractor.rereadDecodes(), 1u) << "read by the idle worker, which decoded the page";
}

} // namespace
