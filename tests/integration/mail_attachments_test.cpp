// Attachments that are text (.txt/.csv in any charset), Word (.docx) or a forwarded mail are
// made into PDFs the form pipeline reads; and the issue's bad input, end to end through
// `inkorg fetch` on a Maildir: ../../etc/passwd and control characters in names, header
// injection in a name, an attachment over the size limit, a zip bomb (as .zip and as .docx),
// an executable, malformed MIME, 500 attachments — each ends in a clear state, and a second
// fetch takes nothing again.
#include "mail/TextAttachment.hpp"
#include "support/Command.hpp"
#include "support/PdfTools.hpp"
#include "support/TempDir.hpp"
#include "support/TestMail.hpp"

#include <Poco/JSON/Array.h>

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// brev.docx (a real Word document's parts, deflated), bomb.docx (word/document.xml inflating
/// to 80 MB) and bomb.zip (100 MB of zeros), written by Python's zipfile into `folder`.
void makeZips(const fs::path& folder)
{
    const auto result = run({"/usr/bin/python3", "-c", R"(
import sys, zipfile
out = sys.argv[1]
w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + w + '><w:body>'
       '<w:p><w:r><w:t>Ansökan om ekonomiskt bistånd</w:t></w:r></w:p>'
       '<w:p><w:r><w:t xml:space="preserve">Hyra: </w:t></w:r><w:r><w:t>6 200 kr &amp; el</w:t></w:r></w:p>'
       '</w:body></w:document>')
with zipfile.ZipFile(out + '/brev.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('word/document.xml', doc)
with zipfile.ZipFile(out + '/bomb.docx', 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr('word/document.xml', '<w:document ' + w + '><w:body><w:p><w:r><w:t>' + ' ' * (80 << 20) + '</w:t></w:r></w:p></w:body></w:document>')
with zipfile.ZipFile(out + '/bomb.zip', 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr('noll.bin', bytes(100 << 20))
)", folder.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
}

mail::MailPart part(const std::string& type, const std::string& charset, const std::string& bytes)
{
    mail::MailPart p;
    p.contentType = type;
    p.charset = charset;
    p.bytes = bytes;
    p.attachment = true;
    return p;
}

class MailAttachments : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        zips_ = new TempDir;
        makeZips(zips_->path());
    }
    static void TearDownTestSuite() { delete zips_; }
    static std::string zip(const std::string& name) { return readFile(zips_->path() / name); }
    static TempDir* zips_;
};
TempDir* MailAttachments::zips_ = nullptr;

TEST_F(MailAttachments, TextInItsCharsetBecomesAPdfWithThatText)
{
    const auto latin1 = mail::textAttachmentPdf(part("text/plain", "iso-8859-1", "Hyran f\xf6r mars \xe4r 6 200 kr.\r\n"),
                                                "hyra.txt", "2026-03-03T08:30:00.000Z");
    ASSERT_TRUE(latin1);
    EXPECT_NE(pdfToText(*latin1).find("Hyran för mars är 6 200 kr."), std::string::npos) << pdfToText(*latin1);
    const auto csv = mail::textAttachmentPdf(part("application/octet-stream", "", "namn;belopp\nHyra;6200\n"),
                                             "utgifter.csv", "2026-03-03T08:30:00.000Z");
    ASSERT_TRUE(csv);
    EXPECT_NE(pdfToText(*csv).find("Hyra;6200"), std::string::npos) << pdfToText(*csv);
    // A PDF or an image behind a text name is left to the pipeline as it is.
    EXPECT_FALSE(mail::textAttachmentPdf(part("text/plain", "", textPdf("x")), "inte.txt", ""));
    EXPECT_FALSE(mail::textAttachmentPdf(part("application/pdf", "", textPdf("x")), "brev.pdf", ""));
}

TEST_F(MailAttachments, WordDocumentTextIsReadAndAZipBombRefused)
{
    const auto docx = mail::textAttachmentPdf(part("application/octet-stream", "", zip("brev.docx")), "brev.docx", "");
    ASSERT_TRUE(docx);
    const std::string text = pdfToText(*docx);
    EXPECT_NE(text.find("Ansökan om ekonomiskt bistånd"), std::string::npos) << text;
    EXPECT_NE(text.find("Hyra: 6 200 kr & el"), std::string::npos) << text;

    try {
        mail::textAttachmentPdf(part("application/octet-stream", "", zip("bomb.docx")), "bomb.docx", "");
        FAIL() << "a zip bomb was inflated";
    } catch (const mail::UnreadableAttachment& e) {
        EXPECT_NE(std::string(e.what()).find("zip-bomb"), std::string::npos) << e.what();
    }
    try {
        mail::textAttachmentPdf(part("application/octet-stream", "", std::string("PK\x03\x04trasig", 10)), "trasig.docx", "");
        FAIL() << "a damaged .docx was read";
    } catch (const mail::UnreadableAttachment& e) {
        EXPECT_NE(std::string(e.what()).find("skadad"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("PDF"), std::string::npos) << e.what();
    }
}

TEST_F(MailAttachments, ForwardedMailBecomesAMessageDocument)
{
    TestMail forwarded;
    forwarded.subject = "=?UTF-8?Q?Intyg_fr=C3=A5n_v=C3=A5rdcentralen?=";
    forwarded.body = "Intyget gäller från 1 mars.";
    mail::MailPart attached = part("message/rfc822", "", forwarded.raw());
    attached.attachedMessage = true;
    const auto pdf = mail::textAttachmentPdf(attached, "intyg.eml", "2026-03-03T08:30:00.000Z");
    ASSERT_TRUE(pdf);
    const std::string text = pdfToText(*pdf);
    EXPECT_NE(text.find("Intyg från vårdcentralen"), std::string::npos) << text;
    EXPECT_NE(text.find("Intyget gäller från 1 mars."), std::string::npos) << text;
}

TEST_F(MailAttachments, BadInputEndsInAClearStateAndIsNotFetchedAgain)
{
    TempDir data;
    const fs::path maildir = data / "Maildir";
    makeMaildir(maildir);
    const fs::path config = data / "inkorg.properties";
    std::ofstream(config) << "inkorg.ocr.workers = 1\ninkorg.mail.maxAttachmentMegabytes = 1\n";

    TestMail hostile;
    hostile.messageId = "bilagor@example.se";
    std::string big(1536 * 1024, 'x');
    big.replace(0, 8, "%PDF-1.4");
    hostile.attachments = {
        {"anteckning.txt", "text/plain; charset=iso-8859-1", "Jag beh\xf6ver hj\xe4lp med hyran."},
        {"brev.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", zip("brev.docx")},
        {"bomb.docx", "application/octet-stream", zip("bomb.docx")},
        {"bomb.zip", "application/zip", zip("bomb.zip")},
        {"..%2F..%2Fetc%2Fpasswd", "text/plain", "root:x:0:0:root:/root:/bin/bash\n"},
        {"r%07apport%0D%0ABcc%3A%20evil%40example.se.txt", "text/plain", "rapport"},
        {"stor.pdf", "application/pdf", big},
        {"program.exe", "application/octet-stream", std::string("MZ\x90\0\x03", 5)},
    };
    deliverToMaildir(maildir, "1.M1.bad", hostile.raw());
    deliverToMaildir(maildir, "2.M2.bad",
                     "Message-ID: <trasig@example.se>\r\nFrom: a@example.se\r\nSubject: Trasig\r\nMIME-Version: 1.0\r\n"
                     "Content-Type: multipart/mixed\r\n\r\n--x\r\nContent-Type: application/pdf\r\n"
                     "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJe\r\n");
    TestMail flood;
    flood.messageId = "femhundra@example.se";
    for (int i = 0; i < 500; ++i) flood.attachments.push_back({"b" + std::to_string(i) + ".txt", "text/plain", "x"});
    deliverToMaildir(maildir, "3.M3.bad", flood.raw());

    const std::vector<std::string> fetch{"fetch", "maildir:" + maildir.string(), "--json", "--data-dir",
                                         (data / "var").string(), "--config", config.string()};
    auto result = inkorg(fetch);
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    std::map<std::string, Poco::JSON::Object::Ptr> mails;
    for (const auto& mail : jsonLines(result.out)) mails[mail->getValue<std::string>("message_id")] = mail;
    ASSERT_EQ(mails.size(), 3u) << result.out;

    const auto documents = mails.at("bilagor@example.se")->getArray("documents");
    ASSERT_EQ(documents->size(), 9u) << result.out;
    std::map<std::string, Poco::JSON::Object::Ptr> byName;
    for (std::size_t i = 1; i < documents->size(); ++i)
        byName[documents->getObject(static_cast<unsigned>(i))->getValue<std::string>("name")] =
            documents->getObject(static_cast<unsigned>(i));
    auto status = [&](const std::string& name) { return byName.at(name)->getValue<std::string>("status"); };
    auto reason = [&](const std::string& name) { return byName.at(name)->getValue<std::string>("reason"); };
    ASSERT_EQ(byName.size(), 8u) << result.out;
    EXPECT_NE(status("anteckning.txt"), "quarantined") << result.out;
    EXPECT_NE(status("brev.docx"), "quarantined") << result.out;
    EXPECT_EQ(status("bomb.docx"), "quarantined");
    EXPECT_NE(reason("bomb.docx").find("zip-bomb"), std::string::npos) << reason("bomb.docx");
    EXPECT_EQ(status("bomb.zip"), "quarantined");
    EXPECT_NE(reason("bomb.zip").find("ZIP"), std::string::npos) << reason("bomb.zip");
    EXPECT_NE(status("passwd"), "quarantined") << result.out;
    EXPECT_NE(status("rapportBcc evil@example.se.txt"), "quarantined") << result.out;
    EXPECT_EQ(status("stor.pdf"), "quarantined");
    EXPECT_NE(reason("stor.pdf").find("större än gränsen 1 MB"), std::string::npos) << reason("stor.pdf");
    EXPECT_EQ(status("program.exe"), "quarantined");

    EXPECT_EQ(mails.at("trasig@example.se")->getValue<std::string>("status"), "registered") << result.out;
    EXPECT_EQ(mails.at("femhundra@example.se")->getValue<std::string>("status"), "dead_letter");
    EXPECT_NE(mails.at("femhundra@example.se")->getValue<std::string>("reason").find("500 bilagor"), std::string::npos);
    EXPECT_TRUE(fs::exists(maildir / "new" / "3.M3.bad"));
    EXPECT_EQ(fs::exists(maildir / "cur" / "1.M1.bad:2,S") + fs::exists(maildir / "cur" / "2.M2.bad:2,S"), 2);

    result = inkorg(fetch);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(jsonLines(result.out).empty()) << result.out;
}

} // namespace
} // namespace inkorg::test
