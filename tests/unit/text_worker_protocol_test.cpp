// The page a worker sends the host (text/WorkerProtocol): its ruling travels with it, and the host
// trusts none of it — more lines than a page can hold, or a line outside the page, and the
// page is refused. The ankomststämpel's box travels with the page too, and is refused outside it.
#include "text/WorkerProtocol.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace inkorg::text {
namespace {

/// A page as a worker's JSON, 2480 × 3508 pixels, its ruling `ruling` (a JSON array).
Poco::JSON::Object::Ptr workerPage(const std::string& ruling)
{
    const std::string json = R"({"number":1,"width":2480,"height":3508,"text":"Namn","rotation":0,"skew":0.0,)"
                             R"("fromTextLayer":false,"words":[["Namn",100,200,120,40,0.95,0,0.9,-1]],"ruling":)" +
                             ruling + "}";
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

TEST(WorkerProtocolTest, APagesRulingTravelsWithIt)
{
    Page page;
    page.width = 2480;
    page.height = 3508;
    page.ruling = {{{100, 300, 1200, 4}, true, false}, {{100, 400, 900, 3}, true, true}, {{100, 250, 4, 600}, false, false}};
    std::ostringstream json;
    protocol::toJson(page)->stringify(json);
    const auto back = protocol::pageFromJson(*Poco::JSON::Parser().parse(json.str()).extract<Poco::JSON::Object::Ptr>());
    ASSERT_EQ(back.ruling.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(back.ruling[i].box.x, page.ruling[i].box.x);
        EXPECT_EQ(back.ruling[i].box.y, page.ruling[i].box.y);
        EXPECT_EQ(back.ruling[i].box.width, page.ruling[i].box.width);
        EXPECT_EQ(back.ruling[i].box.height, page.ruling[i].box.height);
        EXPECT_EQ(back.ruling[i].horizontal, page.ruling[i].horizontal);
        EXPECT_EQ(back.ruling[i].dotted, page.ruling[i].dotted);
    }
}

TEST(WorkerProtocolTest, ALineOutsideThePageIsRefused)
{
    EXPECT_NO_THROW(protocol::pageFromJson(*workerPage("[[0,0,2480,3508,1]]")));
    for (const char* line : {"[[2000,100,600,4,1]]",           // past the right edge
                             "[[100,3506,1200,4,1]]",          // past the bottom
                             "[[-5,100,600,4,1]]",             // left of the page
                             "[[100,100,0,4,1]]",              // empty
                             "[[100,100,2147483647,4,1]]",     // a width that would overflow x + width
                             "[[100,100,600,4,7]]",            // no kind of line
                             "[[100,100,600]]"})               // not a line
        EXPECT_THROW(protocol::pageFromJson(*workerPage(line)), std::invalid_argument) << line;
}

TEST(WorkerProtocolTest, MoreLinesThanAPageHoldsAreRefused)
{
    std::string lines = "[";
    for (std::size_t i = 0; i <= kMaxRuledLines; ++i) lines += (i ? "," : "") + std::string("[10,10,200,2,1]");
    lines += "]";
    EXPECT_THROW(protocol::pageFromJson(*workerPage(lines)), std::invalid_argument);
}

TEST(WorkerProtocolTest, AStampsBoxTravelsWithItsPage)
{
    Page page;
    page.width = 2480;
    page.height = 3508;
    page.arrivalStamp = true;
    page.arrivalDate = "2026-06-18";
    page.arrivalStampBox = Box{880, 230, 660, 350};
    std::ostringstream json;
    protocol::toJson(page)->stringify(json);
    const auto back = protocol::pageFromJson(*Poco::JSON::Parser().parse(json.str()).extract<Poco::JSON::Object::Ptr>());
    ASSERT_TRUE(back.arrivalStampBox);
    EXPECT_EQ(back.arrivalStampBox->x, 880);
    EXPECT_EQ(back.arrivalStampBox->y, 230);
    EXPECT_EQ(back.arrivalStampBox->width, 660);
    EXPECT_EQ(back.arrivalStampBox->height, 350);
    EXPECT_EQ(back.arrivalDate, "2026-06-18");
    // A page without a stamp has no box.
    EXPECT_FALSE(protocol::pageFromJson(*workerPage("[]")).arrivalStampBox);
}

TEST(WorkerProtocolTest, AStampsBoxOutsideThePageIsRefused)
{
    const auto withBox = [](const std::string& box) {
        auto page = workerPage("[]");
        page->set("arrivalDate", "");
        page->set("arrivalStampBox", Poco::JSON::Parser().parse(box).extract<Poco::JSON::Array::Ptr>());
        return page;
    };
    EXPECT_NO_THROW(protocol::pageFromJson(*withBox("[0,0,2480,3508]")));
    for (const char* box : {"[2000,100,600,300]",          // past the right edge
                            "[100,3400,600,300]",          // past the bottom
                            "[-5,100,600,300]",            // left of the page
                            "[100,100,0,300]",             // empty
                            "[100,100,2147483647,300]",    // a width that would overflow x + width
                            "[100,100,600]"})              // not a box
        EXPECT_THROW(protocol::pageFromJson(*withBox(box)), std::invalid_argument) << box;
}

/// A page as a worker's JSON, 2480 × 3508 pixels, its unread print `regions` (a JSON array).
Poco::JSON::Object::Ptr workerPageWithUnreadInk(const std::string& regions)
{
    const std::string json = R"({"number":1,"width":2480,"height":3508,"text":"Namn","rotation":0,"skew":0.0,)"
                             R"("fromTextLayer":false,"words":[["Namn",100,200,120,40,0.95,0,0.9,-1]],"unreadInk":)" +
                             regions + "}";
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

TEST(WorkerProtocolTest, APagesUnreadPrintTravelsWithIt)
{
    Page page;
    page.width = 2480;
    page.height = 3508;
    page.unreadInk = {{700, 300, 240, 60}, {1500, 900, 130, 55}};
    std::ostringstream json;
    protocol::toJson(page)->stringify(json);
    const auto back = protocol::pageFromJson(*Poco::JSON::Parser().parse(json.str()).extract<Poco::JSON::Object::Ptr>());
    ASSERT_EQ(back.unreadInk.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(back.unreadInk[i].x, page.unreadInk[i].x);
        EXPECT_EQ(back.unreadInk[i].y, page.unreadInk[i].y);
        EXPECT_EQ(back.unreadInk[i].width, page.unreadInk[i].width);
        EXPECT_EQ(back.unreadInk[i].height, page.unreadInk[i].height);
    }
}

TEST(WorkerProtocolTest, UnreadPrintOutsideThePageIsRefused)
{
    EXPECT_EQ(protocol::pageFromJson(*workerPageWithUnreadInk("[[0,0,2480,3508]]")).unreadInk.size(), 1u);
    for (const char* region : {"[[2400,100,200,50]]",            // past the right edge
                               "[[100,3480,200,50]]",            // past the bottom
                               "[[100,-5,200,50]]",              // above the page
                               "[[100,100,200,0]]",              // empty
                               "[[100,100,4,2147483647]]",       // a height that would overflow y + height
                               "[[100,100,200]]"})               // not a region
        EXPECT_THROW(protocol::pageFromJson(*workerPageWithUnreadInk(region)), std::invalid_argument) << region;
}

TEST(WorkerProtocolTest, MoreUnreadPrintThanAPageHoldsIsRefused)
{
    std::string regions = "[";
    for (std::size_t i = 0; i <= kMaxUnreadInk; ++i) regions += (i ? "," : "") + std::string("[10,10,200,40]");
    regions += "]";
    EXPECT_THROW(protocol::pageFromJson(*workerPageWithUnreadInk(regions)), std::invalid_argument);
}

} // namespace
} // namespace inkorg::text
