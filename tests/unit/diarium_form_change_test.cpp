// Byt formulär (Diarium::changeForm): in one transaction the form, the record and the masks, the
// new form's priority and deadlines; a form of the other register moves the whole ärende there
// with a new number, its former numbers kept in their series (number_transfers), none used twice.
#include "diarium_fixture.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace inkorg::diarium::testing {
namespace {

FormChange toOrosanmalan()
{
    FormChange change;
    change.formId = "orosanmalan";
    change.register_ = kPersonakt;
    change.correction.beskrivningPublic = "Anmälan om oro för barn";
    change.correction.avsandarePublic = "(sekretess)";
    change.correction.status = kNeedsReview;
    change.correction.priority = "akut";
    change.deadlines = {{0, 0, "skyddsbedomning", "Skyddsbedömning (SoL 20 kap. 1 §)", "2026-03-02"},
                        {0, 0, "forhandsbedomning", "Förhandsbedömning (SoL 20 kap. 2 §)", "2026-03-16"}};
    change.actor = "anna.registrator";
    return change;
}

/// An oklassificerad handling in the diarium, as the pipeline registers a letter no form claims.
RegisterResult letter(Diarium& diarium, const Job& job)
{
    Registration registration = forJob(job.id);
    registration.formId = std::nullopt;
    registration.status = kUnclassified;
    registration.beskrivningPublic = "Inkommen handling";
    return diarium.registerDocument(registration);
}

TEST_P(DiariumTest, AnOrosanmalanLeavesTheDiariumForThePersonaktWithItsArende)
{
    const RegisterResult head = letter(*diarium, claimed("brev"));
    ASSERT_EQ(head.diarienummer, "SN 2026/1");
    const RegisterResult photo = inCase(head.documentId, "foto");
    ASSERT_EQ(photo.diarienummer, "SN 2026/1-2");

    EXPECT_EQ(diarium->changeForm(head.documentId, toOrosanmalan()), "PA 2026/1");
    const auto document = diarium->document(head.documentId);
    EXPECT_EQ(document->register_.value_or(""), kPersonakt);
    EXPECT_EQ(document->formId.value_or(""), "orosanmalan");
    EXPECT_EQ(document->priority, "akut");
    EXPECT_EQ(document->status, kNeedsReview);
    EXPECT_EQ(document->beskrivningPublic, "Anmälan om oro för barn");
    EXPECT_EQ(diarium->document(photo.documentId)->diarienummer.value_or(""), "PA 2026/1-2");
    EXPECT_EQ(diarium->document(photo.documentId)->register_.value_or(""), kPersonakt);

    const auto deadlines = diarium->deadlines(head.documentId);
    ASSERT_EQ(deadlines.size(), 2u);
    EXPECT_EQ(deadlines[0].kind, "skyddsbedomning");
    EXPECT_EQ(deadlines[0].due, "2026-03-02");

    const auto moved = diarium->transferredNumbers(kDiarium, 10);
    ASSERT_EQ(moved.size(), 2u);
    EXPECT_EQ(moved[1].diarienummer, "SN 2026/1");
    EXPECT_EQ(moved[1].toDiarienummer, "PA 2026/1");
    EXPECT_EQ(moved[1].toRegister, kPersonakt);
    EXPECT_EQ(moved[1].actor, "anna.registrator");
    EXPECT_EQ(moved[0].diarienummer, "SN 2026/1-2");
    EXPECT_EQ(moved[0].toDiarienummer, "PA 2026/1-2");

    std::vector<std::string> kinds;
    for (const auto& event : diarium->events(head.documentId)) {
        kinds.push_back(event.kind);
        const auto detail = Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
        if (event.kind == "form_changed") {
            EXPECT_TRUE(detail->isNull("before"));
            EXPECT_EQ(detail->getValue<std::string>("after"), "orosanmalan");
        }
        if (event.kind == kRegisterMovedEvent) {
            EXPECT_EQ(detail->getValue<std::string>("from"), "SN 2026/1");
            EXPECT_EQ(detail->getValue<std::string>("to"), "PA 2026/1");
        }
    }
    EXPECT_EQ(kinds, (std::vector<std::string>{"registered", "form_changed", "corrected", kRegisterMovedEvent}));
    EXPECT_EQ(letter(*diarium, claimed("nästa brev")).diarienummer, "SN 2026/2") << "SN 2026/1 is never used again";
}

TEST_P(DiariumTest, AFormOfTheSameRegisterKeepsTheNumberAndAddsOnlyNewDeadlines)
{
    const RegisterResult head = letter(*diarium, claimed("brev"));
    FormChange change;
    change.formId = "lex_sarah";
    change.register_ = kDiarium;
    change.correction.priority = "brådskande";
    change.deadlines = {{0, 0, "utredning", "Utredning (SoL 27 kap. 5 §)", "2026-03-16"}};
    change.actor = "anna.registrator";
    EXPECT_EQ(diarium->changeForm(head.documentId, change), "SN 2026/1");
    EXPECT_EQ(diarium->changeForm(head.documentId, change), "SN 2026/1");
    EXPECT_EQ(diarium->deadlines(head.documentId).size(), 1u) << "an open deadline of the kind is not added twice";
    EXPECT_TRUE(diarium->transferredNumbers(kDiarium, 10).empty());
    EXPECT_EQ(diarium->document(head.documentId)->priority, "brådskande");
}

TEST_P(DiariumTest, AQuarantinedDocumentHasNoFormToChange)
{
    const long long id = diarium->quarantine(claimed("trasig").id, "Filen är skadad", "system");
    EXPECT_THROW(diarium->changeForm(id, toOrosanmalan()), std::logic_error);
    EXPECT_THROW(diarium->changeForm(id + 100, toOrosanmalan()), std::invalid_argument);
}

INSTANTIATE_TEST_SUITE_P(Backends, DiariumTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
