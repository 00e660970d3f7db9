// The search in the text, on SQLite (FTS5) and PostgreSQL ('swedish'): a word of a document's
// OCR or PDF text finds it in any of its forms ("hyran" finds "hyra"), best match first, with the
// matching words marked in a snippet; inre sekretess holds in the query; nothing typed is query
// syntax; the migration indexes the documents registered before the text was kept.
#include "diarium/Migrations.hpp"
#include "diarium/SearchTerms.hpp"
#include "diarium_fixture.hpp"

using namespace Poco::Data::Keywords;

namespace inkorg::diarium::testing {
namespace {

class TextSearchTest : public DiariumTest {
protected:
    long long add(const std::string& content, const std::string& text, const std::string& recordJson = "{}")
    {
        Registration registration = forJob(claimed(content).id);
        registration.formId = "ekonomiskt_bistand";
        registration.recordJson = recordJson;
        registration.text = text;
        return diarium->registerDocument(registration).documentId;
    }

    InkorgPage search(const std::string& typed, std::optional<std::string> unit = std::nullopt)
    {
        InkorgQuery query;
        query.search = typed;
        query.unit = std::move(unit);
        return diarium->inkorgList(query);
    }
};

TEST_P(TextSearchTest, AWordFindsTheDocumentsWithItInAnyFormBestFirstWithTheWordsMarked)
{
    const long long rent = add("a", "Ansökan om ekonomiskt bistånd.\nHyran för januari är 6 850 kr. Hyran betalas "
                                    "till värden. Hyra för garage ingår inte.");
    add("b", "Ansökan om ekonomiskt bistånd för el och mat i januari.");
    const long long once = add("c", "Jag har en lägenhet. Min hyra höjdes i december och jag behöver hjälp.");

    const auto page = search("hyran");
    ASSERT_EQ(page.entries.size(), 2u) << "\"hyran\" finds hyra and hyran, not the letter without either";
    EXPECT_EQ(page.entries[0].row.id, rent) << "three times the word ranks before once";
    EXPECT_EQ(page.entries[1].row.id, once);
    EXPECT_NE(page.entries[0].snippet.find("«Hyran»"), std::string::npos) << page.entries[0].snippet;
    EXPECT_NE(page.entries[1].snippet.find("«hyra»"), std::string::npos) << page.entries[1].snippet;
    EXPECT_NE(page.entries[1].snippet.find("höjdes"), std::string::npos) << "the words around it are shown";

    EXPECT_EQ(search("hyra").entries.size(), 2u);
    EXPECT_EQ(search("lägenheten").entries.size(), 1u);
    EXPECT_EQ(search("hyran december").entries.size(), 1u) << "every word must be there";
    EXPECT_TRUE(search("semester").entries.empty());
}

TEST_P(TextSearchTest, InreSekretessHoldsForHitsInTheText)
{
    const long long mine = add("a", "Hyran för januari är 6 850 kr.");
    const long long theirs = add("b", "Hyran för februari är 7 100 kr.");
    diarium->appendEvent(mine, "rita", kAssignedEvent, R"({"unit":"Försörjningsstöd","handlaggare":""})");
    diarium->appendEvent(theirs, "rita", kAssignedEvent, R"({"unit":"Barn och unga","handlaggare":""})");
    const auto page = search("hyran", "Försörjningsstöd");
    ASSERT_EQ(page.entries.size(), 1u);
    EXPECT_EQ(page.entries[0].row.id, mine);
    EXPECT_TRUE(search("februari", "Försörjningsstöd").entries.empty()) << "a hit of another unit is never listed";
}

TEST_P(TextSearchTest, WhatIsTypedIsNeverQuerySyntax)
{
    add("a", "Hyran för januari.");
    for (const char* typed : {"hyran\" OR \"x", "hyran*", "NEAR(hyran januari)", "hyran & !januari | x", "'; DROP"})
        EXPECT_NO_THROW(search(typed)) << typed;
    EXPECT_EQ(search("\"hyran\"").entries.size(), 1u);
    EXPECT_TRUE(searchWords("SN 2026/17").empty()) << "a diarienummer is no search in the text";
    EXPECT_EQ(swedishStem("hyror"), "hyr");
    EXPECT_EQ(swedishStem("ansökningarna"), "ansökning");
}

TEST_P(TextSearchTest, ATextLayerWithNulAndBrokenUtf8IsRegisteredAndSearchable)
{
    const char layer[] = "Brev \xff\xfe om hyran\0 från januari\x01 i år";
    const long long id = add("a", std::string(layer, sizeof layer - 1));
    for (const char* word : {"hyran", "januari"}) {
        const auto page = search(word);
        ASSERT_EQ(page.entries.size(), 1u) << word;
        EXPECT_EQ(page.entries[0].row.id, id);
    }
    const char mixed[] = "a\0b\xff" "c\nd";
    EXPECT_EQ(indexableText(std::string(mixed, sizeof mixed - 1)), "a bc\nd") << "NUL a space, broken UTF-8 dropped";
}

TEST_P(TextSearchTest, TheMigrationIndexesTheReadFieldsOfEarlierDocuments)
{
    test::TestDatabase fresh(GetParam());
    Database earlier(fresh.url());
    {
        Poco::Data::Session session = earlier.session();
        session << "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", now;
        for (const Migration& migration : migrations()) {
            if (migration.description.find("search in the text") != std::string::npos) break;
            for (const std::string& statement : migration.statementsFor(earlier.dialect())) session << statement, now;
            Poco::Int64 version = migration.version;
            session << earlier.sql("INSERT INTO schema_version (version, applied_at) VALUES (?, 'förr')"), use(version), now;
        }
        session << "INSERT INTO documents (register_name, diarienummer, year, seq, received_at, status, sha256,"
                   " original_name, source, created_at, record_json, beskrivning_secret) VALUES ('diarium',"
                   " 'SN 2026/1', 2026, 1, '2026-03-02', 'registered', 'aaaa', 'a.pdf', 'mapp', '2026-03-02',"
                   " '{\"sokande_namn\":\"Karin Berg\",\"ovrigt\":\"Hyran har höjts\"}', 'Ansökan om ekonomiskt bistånd')", now;
    }
    earlier.migrate();
    Diarium migrated(earlier, NumberingConfig{}, JobPolicy{3});
    InkorgQuery query;
    query.search = "hyra";
    const auto page = migrated.inkorgList(query);
    ASSERT_EQ(page.entries.size(), 1u);
    EXPECT_NE(page.entries[0].snippet.find("«Hyran»"), std::string::npos) << page.entries[0].snippet;
}

INSTANTIATE_TEST_SUITE_P(Backends, TextSearchTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
