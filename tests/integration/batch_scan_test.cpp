// Batch scans (issue 4, item 7) through the real binary: a multi-page TIFF holding a filled-in
// ansökan with a bilaga, a SKILJEBLAD sheet, a lex Sarah rapport, a QR-code separator sheet and
// an orosanmälan is split into three documents, each registered with its own diarienummer;
// `inkorg process --json` prints one object per part with its page range.
#include "diarium/ContentStore.hpp"
#include "diarium/Database.hpp"
#include "diarium/Diarium.hpp"
#include "support/BatchScan.hpp"
#include "support/Command.hpp"
#include "support/TempDir.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <sstream>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Object;

const std::map<std::string, std::string> kAnsokan = {
    {"sokande_personnummer", "19850312-2387"}, {"sokande_namn", "Karin Ödmark"},
    {"sokande_adress", "Storgatan 12"},          {"sokande_postnummer", "574 31"},
    {"sokande_ort", "Vetlanda"},                 {"ansokan_manad", "2026-11"},
    {"boendeform", "hyresratt"},                 {"hyra", "6200"},
    {"underskrift_datum", "2026-11-02"}};

const std::map<std::string, std::string> kLexSarah = {
    {"rapportor_namn", "Anders Berg"},            {"verksamhet", "Solgårdens äldreboende"},
    {"handelse_datum", "2026-10-28"},
    {"beskrivning", "En boende fick fel läkemedel vid kvällsmedicineringen."},
    {"omedelbara_atgarder", "Läkare kontaktades."}, {"rapport_datum", "2026-10-30"}};

std::vector<Object::Ptr> jsonLines(const std::string& out)
{
    std::vector<Object::Ptr> lines;
    std::istringstream stream(out);
    for (std::string line; std::getline(stream, line);)
        if (!line.empty()) lines.push_back(Poco::JSON::Parser().parse(line).extract<Object::Ptr>());
    return lines;
}

std::pair<int, int> rangeOf(const Object::Ptr& part)
{
    const auto pages = part->getArray("pages");
    return {pages->getElement<int>(0), pages->getElement<int>(1)};
}

void addAll(std::vector<text::PixPtr>& batch, std::vector<text::PixPtr> pages)
{
    for (auto& page : pages) batch.push_back(std::move(page));
}

TEST(BatchScan, ASplitPileIsRegisteredAsOneDocumentPerPart)
{
    TempDir dir;
    std::vector<text::PixPtr> pages;
    addAll(pages, formPages("ekonomiskt_bistand", kAnsokan));
    const int ansokanPages = static_cast<int>(pages.size());
    pages.push_back(textPage({"Bilaga till ansökan", "Kontoutdrag för oktober 2026", "Saldo 1 200 kr"}));
    const int bilaga = static_cast<int>(pages.size());
    pages.push_back(textPage({"SKILJEBLAD"}, 48));
    const int skiljeblad = static_cast<int>(pages.size());
    addAll(pages, formPages("lex_sarah", kLexSarah));
    const int rapportEnd = static_cast<int>(pages.size());
    pages.push_back(barcodePage("INKORG SKILJEBLAD"));
    const int barcode = static_cast<int>(pages.size());
    pages.push_back(textPage({"Min mamma klarar inte längre att ta hand om sig själv.",
                              "Jag vill att någon från kommunen ringer mig.", "Hälsningar Eva"}));
    const int brev = static_cast<int>(pages.size());
    const fs::path tiff = dir / "hog.tif";
    writeMultipageTiff(pages, tiff);
    ASSERT_EQ(ansokanPages + 1, bilaga);

    const auto result = inkorg({"process", "--json", "--data-dir", (dir / "var").string(), tiff.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    const auto parts = jsonLines(result.out);
    ASSERT_EQ(parts.size(), 3u) << result.out;

    EXPECT_EQ(parts[0]->getValue<int>("part"), 1);
    EXPECT_EQ(parts[0]->getValue<std::string>("form"), "ekonomiskt_bistand");
    EXPECT_EQ(rangeOf(parts[0]), std::make_pair(1, bilaga)) << "the bilaga stays with the ansökan";
    EXPECT_EQ(parts[0]->getObject("fields")->getValue<std::string>("sokande_personnummer"), "19850312-2387");

    EXPECT_EQ(parts[1]->getValue<int>("part"), 2);
    EXPECT_EQ(parts[1]->getValue<std::string>("form"), "lex_sarah");
    EXPECT_EQ(rangeOf(parts[1]), std::make_pair(skiljeblad + 1, rapportEnd)) << "the SKILJEBLAD page is no content";

    EXPECT_EQ(parts[2]->getValue<int>("part"), 3);
    EXPECT_TRUE(parts[2]->isNull("form")) << "a letter is an oklassificerad inkommen handling";
    EXPECT_EQ(rangeOf(parts[2]), std::make_pair(barcode + 1, brev)) << "the barcode sheet is no content";

    std::set<std::string> numbers;
    for (const auto& part : parts) {
        EXPECT_EQ(part->getValue<std::string>("status"), "registered");
        ASSERT_FALSE(part->isNull("diarienummer"));
        numbers.insert(part->getValue<std::string>("diarienummer"));
    }
    EXPECT_EQ(numbers.size(), 3u) << "one diarienummer per part";

    // In the diarium: each part is its own document with its own file (just its pages), and its
    // batch_part event names the batch file — stored once — with the part's page range.
    {
        const char* backendUrl = std::getenv("INKORG_DATABASE_URL");   // set for the .postgresql run
        diarium::Database database(backendUrl && *backendUrl ? std::string(backendUrl)
                                                             : "sqlite:" + (dir / "var" / "inkorg.db").string());
        diarium::Diarium diarium(database, {});
        const std::string batchSha = diarium::ContentStore::sha256Of(tiff);
        std::set<std::string> files;
        for (const auto& part : parts) {
            const auto row = diarium.documentByDiarienummer(part->getValue<std::string>("diarienummer"));
            ASSERT_TRUE(row);
            EXPECT_NE(row->sha256, batchSha);
            EXPECT_EQ(row->pages, part->getValue<int>("page_count"));
            files.insert(row->sha256);
            int batchEvents = 0;
            for (const auto& event : diarium.events(row->id)) {
                if (event.kind != "batch_part") continue;
                ++batchEvents;
                const auto detail = Poco::JSON::Parser().parse(event.detailJson).extract<Object::Ptr>();
                EXPECT_EQ(detail->getValue<std::string>("batchSha256"), batchSha);
                EXPECT_EQ(detail->getValue<int>("part"), part->getValue<int>("part"));
                EXPECT_EQ(detail->getValue<int>("firstPage"), rangeOf(part).first);
                EXPECT_EQ(detail->getValue<int>("lastPage"), rangeOf(part).second);
            }
            EXPECT_EQ(batchEvents, 1);
        }
        EXPECT_EQ(files.size(), 3u);
        EXPECT_FALSE(diarium.documentBySha256(batchSha)) << "the batch file itself is no document";
    }

    // The same file given again (unchanged: the same arrival, a rerun) is recognised as a whole,
    // not registered a second time; the same pile scanned in again would be a new arrival.
    const auto again = inkorg({"process", "--json", "--data-dir", (dir / "var").string(), tiff.string()});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    const auto duplicate = jsonLines(again.out);
    ASSERT_EQ(duplicate.size(), 1u) << again.out;
    EXPECT_EQ(duplicate[0]->getValue<std::string>("status"), "duplicate");
    EXPECT_EQ(duplicate[0]->getValue<std::string>("diarienummer"), parts[0]->getValue<std::string>("diarienummer"));
}

TEST(BatchScan, OneFormWithABilagaAndNoSeparatorStaysOneDocument)
{
    TempDir dir;
    std::vector<text::PixPtr> pages = formPages("lex_sarah", kLexSarah);
    pages.push_back(textPage({"Bilaga", "Avvikelserapport från kvällspasset"}));
    const fs::path tiff = dir / "rapport.tif";
    writeMultipageTiff(pages, tiff);
    const auto result = inkorg({"process", "--json", "--dry-run", "--data-dir", (dir / "var").string(), tiff.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto lines = jsonLines(result.out);
    ASSERT_EQ(lines.size(), 1u) << result.out;
    EXPECT_FALSE(lines[0]->has("part"));
    EXPECT_EQ(lines[0]->getValue<std::string>("form"), "lex_sarah");
    EXPECT_EQ(lines[0]->getValue<int>("pages"), static_cast<int>(pages.size()));
}

} // namespace
} // namespace inkorg::test
