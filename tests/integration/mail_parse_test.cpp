// GMime parsing of real and hand-built mail: the james-mime4j / MIME-tools corpus (read in
// place; its *_decoded_N files are the answer key for the decoded parts), and messages built
// here for åäö names (RFC 2047 and 2231), Latin-1 and Windows-1252 bodies, HTML-only bodies,
// nested multiparts, attached .eml and inline images.
#include "mail/AttachmentCheck.hpp"
#include "mail/HeaderText.hpp"
#include "mail/HtmlText.hpp"
#include "mail/MailSource.hpp"
#include "mail/MimeMessage.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace inkorg::mail {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(INKORG_TESTDATA_DIR) / "james-mime4j-testmsgs";

std::string readFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

const MailPart* leaf(const ParsedMail& mail, const std::string& path)
{
    for (const auto& part : mail.leaves)
        if (part.path == path) return &part;
    return nullptr;
}

std::string withoutCarriageReturns(std::string text)
{
    std::erase(text, '\r');
    return text;
}

TEST(MailParse, DecodedPartsMatchTheCorpusAnswerKey)
{
    struct Case { const char* folder; const char* message; const char* path; const char* answer; bool binary; };
    const Case cases[] = {
        {"mimetools-testmsgs", "bluedot-simple", "1", "bluedot-simple_decoded_1.bin", true},
        {"mimetools-testmsgs", "bluedot-postcard", "1_2_2", "bluedot-postcard_decoded_1_2_2.bin", true},
        {"mimetools-testmsgs", "bluedot-postcard", "1_1", "bluedot-postcard_decoded_1_1.txt", false},
        {"mimetools-testmsgs", "bluedot-postcard", "1_2_1", "bluedot-postcard_decoded_1_2_1.txt", false},
        {"mimetools-testmsgs", "attachment-filename-encoding-Latin1", "1_2",
         "attachment-filename-encoding-Latin1_decoded_1_2.txt", false},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(std::string(c.message) + " part " + c.path);
        const fs::path folder = kCorpus / c.folder;
        const ParsedMail mail = parseMail(readFile(folder / (std::string(c.message) + ".msg")));
        const MailPart* part = leaf(mail, c.path);
        ASSERT_NE(part, nullptr);
        const std::string expected = readFile(folder / c.answer);
        if (c.binary) EXPECT_EQ(part->bytes, expected);
        else EXPECT_EQ(withoutCarriageReturns(part->bytes), withoutCarriageReturns(expected));
    }
}

TEST(MailParse, Rfc2231AndRfc2047NamesInLatin1AndUtf8)
{
    for (const char* message : {"attachment-filename-encoding-Latin1.msg", "attachment-filename-encoding-UTF8.msg"}) {
        SCOPED_TRACE(message);
        const ParsedMail mail = parseMail(readFile(kCorpus / "mimetools-testmsgs" / message));
        ASSERT_EQ(mail.attachments.size(), 1u);
        EXPECT_EQ(mail.attachments[0].fileName, "attachment.äöü");
        EXPECT_EQ(mail.bodyText, "Attachment Test");
    }
}

TEST(MailParse, EveryCorpusMessageParsesWithoutThrowing)
{
    int messages = 0;
    for (const char* folder : {"mimetools-testmsgs", "testmsgs"})
        for (const auto& file : fs::directory_iterator(kCorpus / folder)) {
            if (file.path().extension() != ".msg") continue;
            SCOPED_TRACE(file.path().filename().string());
            EXPECT_NO_THROW(parseMail(readFile(file.path())));
            ++messages;
        }
    EXPECT_GT(messages, 50);
}

const char* kBuilt =
    "Received: from mx.exempelby.se by imap.exempelby.se; Mon, 2 Mar 2026 17:45:10 +0100\r\n"
    "Received: from client by mx.exempelby.se; Mon, 2 Mar 2026 17:45:02 +0100\r\n"
    "Date: Sun, 1 Mar 2026 23:59:00 +0100\r\n"
    "From: =?UTF-8?Q?Kerstin_=C3=85str=C3=B6m?= <kerstin@example.se>\r\n"
    "To: socialnamnden@exempelby.se\r\n"
    "Subject: =?ISO-8859-1?Q?Ans=F6kan_om_bist=E5nd?=\r\n"
    "Message-ID: <ansokan-1@example.se>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"yttre\"\r\n"
    "\r\n"
    "--yttre\r\n"
    "Content-Type: multipart/related; boundary=\"relaterad\"\r\n"
    "\r\n"
    "--relaterad\r\n"
    "Content-Type: multipart/alternative; boundary=\"alt\"\r\n"
    "\r\n"
    "--alt\r\n"
    "Content-Type: text/plain; charset=iso-8859-1\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "Hej! Jag s=F6ker bist=E5nd f=F6r mars =80 1 200.\r\n"
    "--alt\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "\r\n"
    "<p>Hej! HTML-versionen</p>\r\n"
    "--alt--\r\n"
    "--relaterad\r\n"
    "Content-Type: image/png\r\n"
    "Content-Disposition: inline\r\n"
    "Content-ID: <logo@example>\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "iVBORw0KGgo=\r\n"
    "--relaterad--\r\n"
    "--yttre\r\n"
    "Content-Type: application/pdf\r\n"
    "Content-Disposition: attachment; filename*0*=utf-8''L%C3%B6nespec; filename*1*=ifikation%20%C3%A5r.pdf\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "JVBERi0xLjQK\r\n"
    "--yttre\r\n"
    "Content-Type: message/rfc822\r\n"
    "Content-Disposition: attachment\r\n"
    "\r\n"
    "From: hyresvard@example.se\r\n"
    "Subject: Hyresavi\r\n"
    "\r\n"
    "Hyran =E4r 6200 kr.\r\n"
    "--yttre\r\n"
    "Content-Type: application/octet-stream; name=\"=?UTF-8?B?Li4vLi4vZXRjL3Bhc3N3ZA==?=\"\r\n"
    "Content-Disposition: attachment\r\n"
    "\r\n"
    "root:x:0:0\r\n"
    "--yttre--\r\n";

TEST(MailParse, BuiltMessageWithNestedPartsAndSwedishNames)
{
    const ParsedMail mail = parseMail(kBuilt);
    EXPECT_EQ(mail.messageId, "ansokan-1@example.se");
    EXPECT_EQ(mail.fromAddress, "kerstin@example.se");
    EXPECT_EQ(mail.fromName, "Kerstin Åström");
    EXPECT_EQ(mail.subject, "Ansökan om bistånd");
    EXPECT_EQ(mail.receivedAt, "2026-03-02T16:45:10.000Z");   // the topmost Received, not Date
    EXPECT_EQ(mail.dateHeader, "2026-03-01T22:59:00.000Z");
    // ISO-8859-1 read as Windows-1252: 0x80 is the euro sign; the HTML alternative is not repeated.
    EXPECT_EQ(mail.bodyText, "Hej! Jag söker bistånd för mars € 1 200.");
    ASSERT_EQ(mail.attachments.size(), 4u);
    EXPECT_EQ(mail.attachments[0].contentType, "image/png");
    EXPECT_FALSE(mail.attachments[0].attachment);
    EXPECT_EQ(mail.attachments[0].bytes, std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_EQ(mail.attachments[1].fileName, "Lönespecifikation år.pdf");
    EXPECT_EQ(mail.attachments[1].bytes, "%PDF-1.4\n");
    EXPECT_TRUE(mail.attachments[2].attachedMessage);
    EXPECT_EQ(mail.attachments[2].fileName, "Hyresavi.eml");
    EXPECT_NE(mail.attachments[2].bytes.find("Subject: Hyresavi"), std::string::npos);
    EXPECT_EQ(mail.attachments[3].fileName, "../../etc/passwd");
    EXPECT_EQ(safeFileName(mail.attachments[3].fileName, "bilaga"), "passwd");
    EXPECT_FALSE(mail.autoSubmitted);
    EXPECT_FALSE(mail.mailingList);
}

TEST(MailParse, HtmlOnlyBodyIsReducedToText)
{
    const ParsedMail mail = parseMail(
        "From: a@example.se\r\nSubject: x\r\nAuto-Submitted: auto-replied\r\nList-Id: <lista.example.se>\r\n"
        "Content-Type: text/html; charset=windows-1252\r\n\r\n"
        "<html><head><style>p{color:red}</style></head><body><p>Hej &amp; v\xe4lkommen</p>"
        "<script>alert(1)</script><div>Rad&nbsp;tv&aring;<br>tre &#8364;</div></body></html>");
    EXPECT_EQ(mail.bodyText, "Hej & välkommen\nRad två\ntre €");
    EXPECT_TRUE(mail.attachments.empty());
    EXPECT_TRUE(mail.autoSubmitted);
    EXPECT_TRUE(mail.mailingList);
}

TEST(MailParse, GarbageGivesAMailWithoutThrowing)
{
    const ParsedMail mail = parseMail(std::string("\0\xff\xfe not a mail\r\n--x\r\n", 20));
    EXPECT_TRUE(mail.messageId.empty());
    EXPECT_TRUE(mail.attachments.empty());
}

TEST(MailAttachments, NamesAreMadeSafeAndProgramsAndHugeFilesRefused)
{
    EXPECT_EQ(safeFileName("..\\..\\windows\\system.ini", "b"), "system.ini");
    EXPECT_EQ(safeFileName(std::string("ans\x01\x1b\x7f\xf6kan.pdf"), "b").size(), std::string("ans\xf6kan.pdf").size());
    EXPECT_EQ(safeFileName("...", "bilaga-1.bin"), "bilaga-1.bin");
    EXPECT_EQ(safeFileName("a<b>c:d|e?.pdf", "b"), "abcde.pdf");
    const std::string longName = std::string(300, 'x') + ".pdf";
    EXPECT_LE(safeFileName(longName, "b").size(), 120u);
    EXPECT_EQ(safeFileName(longName, "b").substr(safeFileName(longName, "b").size() - 4), ".pdf");

    MailPart program;
    program.bytes = "MZ\x90\0";
    ASSERT_TRUE(refusalOf(program, "faktura.pdf", 1 << 20));
    EXPECT_NE(refusalOf(program, "faktura.pdf", 1 << 20)->find("program"), std::string::npos);
    MailPart script;
    script.bytes = "echo";
    EXPECT_TRUE(refusalOf(script, "run.vbs", 1 << 20));
    MailPart big;
    big.bytes.assign((2 << 20) + 1, 'x');
    ASSERT_TRUE(refusalOf(big, "scan.tif", 2 << 20));
    EXPECT_NE(refusalOf(big, "scan.tif", 2 << 20)->find("större än gränsen 2 MB"), std::string::npos);
    MailPart pdf;
    pdf.bytes = "%PDF-1.4";
    EXPECT_FALSE(refusalOf(pdf, "ansokan.pdf", 1 << 20));
}

TEST(MailParse, HtmlTextDropsCommentsAndKeepsTableCells)
{
    EXPECT_EQ(htmlToText("<!-- dold --><table><tr><td>A</td><td>B</td></tr><tr><td>C</td></tr></table>"), "A B\nC");
}

TEST(MailSource, OptionsOfEveryScheme)
{
    const MailSource maildir = parseMailSource("maildir:/var/mail/socialnamnden?receipt=true");
    EXPECT_EQ(maildir.folder, "/var/mail/socialnamnden");
    EXPECT_TRUE(maildir.receipt);
    EXPECT_EQ(maildir.name, "maildir:/var/mail/socialnamnden");
    EXPECT_THROW(parseMailSource("maildir:/var/mail/x?delete=true"), std::invalid_argument);

    const MailSource imaps = parseMailSource("imaps://registrator:hemligt@mail.kommun.se/Inkorg?ca-file=/etc/inkorg/ca.pem&move-to=Klart");
    EXPECT_TRUE(imaps.implicitTls());
    EXPECT_EQ(imaps.port, 993);
    EXPECT_EQ(imaps.caFile, "/etc/inkorg/ca.pem");
    EXPECT_EQ(imaps.moveTo, "Klart");
    EXPECT_EQ(imaps.password, "hemligt");
    EXPECT_EQ(imaps.name, "imaps://registrator@mail.kommun.se:993/Inkorg");
    EXPECT_EQ(parseMailSource("pop3s://u:p@mail.kommun.se").port, 995);
    try {
        parseMailSource("pop3://u:hemligt@host?tls-verify=no");
        FAIL() << "an unknown option was accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_EQ(std::string(e.what()).find("hemligt"), std::string::npos) << e.what();
    }
}

TEST(HeaderText, LineBreaksAndControlCharactersNeverReachAHeader)
{
    EXPECT_EQ(oneLine("Eve\r\nBcc: victim@example.org"), "Eve Bcc: victim@example.org");
    EXPECT_EQ(oneLine("  a\t\x01" "b\x7f c\xc2\x85" "d\xe2\x80\xa8" "e  "), "a b c d e");
    EXPECT_EQ(oneLine("Åsa \xff Öberg"), "Åsa ? Öberg");
    EXPECT_EQ(oneLine(std::string(300, 'x')).size(), 200u);
    EXPECT_EQ(oneLine("ååå", 5), "åå") << "cut between characters";
    EXPECT_EQ(headerDisplayName("Eve \"x\"\r\n"), "\"Eve 'x'\"");
    EXPECT_EQ(headerDisplayName("Åsa\nÖ"), "=?UTF-8?q?=C3=85sa_=C3=96?=");
    EXPECT_EQ(headerDisplayName("\r\n"), "");

    EXPECT_TRUE(isPlainAddress("anna.andersson@example.se"));
    EXPECT_TRUE(isPlainAddress("a+b@sub.example-kommun.se"));
    for (const char* address : {"\"a b\"@example.se", "a b@example.se", "a@b@example.se", "a@example", "a..b@example.se",
                                "a@example.se\r\nBcc: v@x.org", "a@-", "<a@example.se>", "a@exa_mple.se", "@example.se"})
        EXPECT_FALSE(isPlainAddress(address)) << address;
}

TEST(MailSource, ImapAndPop3UseStartTlsUnlessTlsNoneIsSaid)
{
    EXPECT_EQ(parseMailSource("imap://u:p@host/INBOX").transport, MailTransport::startTls);
    EXPECT_EQ(parseMailSource("pop3://u:p@host?tls=starttls").transport, MailTransport::startTls);
    EXPECT_EQ(parseMailSource("pop3://u:p@host?tls=none").transport, MailTransport::plain);
    EXPECT_EQ(parseMailSource("imaps://u:p@host").transport, MailTransport::implicitTls);
    EXPECT_THROW(parseMailSource("imaps://u:p@host?tls=none"), std::invalid_argument);
    EXPECT_THROW(parseMailSource("imap://u:p@host?tls=maybe"), std::invalid_argument);
}

} // namespace
} // namespace inkorg::mail
