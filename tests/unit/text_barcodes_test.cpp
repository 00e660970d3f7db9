// Barcodes on page images (text/Barcodes, libzbar): a QR separator sheet is read, also as
// scanned (skewed, noisy), and a filled-in blankett has none.
#include "support/BatchScan.hpp"
#include "support/ScanMaker.hpp"
#include "text/Barcodes.hpp"

#include <gtest/gtest.h>

namespace inkorg::test {
namespace {

TEST(Barcodes, AQrSeparatorSheetIsRead)
{
    auto page = barcodePage("INKORG SKILJEBLAD 7");
    EXPECT_EQ(text::readBarcodes(page.get()), (std::vector<std::string>{"INKORG SKILJEBLAD 7"}));
    auto scanned = degrade(std::move(page), ScanDamage{1.5, 400, 0, 3});
    EXPECT_EQ(text::readBarcodes(scanned.get()), (std::vector<std::string>{"INKORG SKILJEBLAD 7"}));
}

TEST(Barcodes, APrintedFormHasNone)
{
    auto pages = formPages("orosanmalan", {{"anmalare_namn", "Eva Lind"}});
    ASSERT_FALSE(pages.empty());
    EXPECT_TRUE(text::readBarcodes(pages.front().get()).empty());
    EXPECT_TRUE(text::readBarcodes(nullptr).empty());
}

} // namespace
} // namespace inkorg::test
