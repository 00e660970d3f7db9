// The e-mail intake's acceptance run (issue 5's bar; not a CI test): a real Dovecot serving IMAP
// (folder "Inkommande", moved to "Behandlat" after registration) and POP3 (INBOX, deleted after
// registration) on loopback, a plain Maildir, and a real SMTP receiver (aiosmtpd) for the
// receipts. N mails per source (default 200) with one to three attachments each (born-digital
// PDFs, every tenth also a .txt) are delivered in batches while `inkorg serve` runs with the
// three sources; inkorg is killed with SIGKILL twice during the run and restarted. Afterwards,
// from the diarium's SQLite file, the SMTP receiver and the mailboxes, it checks and prints:
// every mail and every attachment registered exactly once, no stray documents or unfinished
// jobs, a receipt for exactly the mails from a person (every fourth mail is automatic,
// Auto-Submitted, and must get none), nothing left in INBOX, Inkommande or the Maildir's new/.
//
//   bench_mail_acceptance [--per-source N] [--timeout-minutes M]
//
// Needs root (Dovecot) and /usr/bin/python3 with aiosmtpd. Exit 0 when every check passes.
#include "support/Daemon.hpp"
#include "support/Dovecot.hpp"
#include "support/SmtpReceiver.hpp"
#include "support/TempDir.hpp"
#include "support/TestMail.hpp"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace inkorg::test;
using namespace Poco::Data::Keywords;
namespace fs = std::filesystem;

namespace {

struct PlannedMail {
    std::string source;                  ///< imap | pop3 | maildir
    std::string messageId, sender;
    bool person = true;                  ///< false: Auto-Submitted (no receipt)
    std::vector<std::string> attachmentNames;
    std::string raw;
};

PlannedMail plan(const std::string& source, int index)
{
    PlannedMail planned;
    planned.source = source;
    planned.messageId = source + "-" + std::to_string(index) + "@bench.example.se";
    planned.person = index % 4 != 3;
    planned.sender = (planned.person ? "person." : "system.") + source + "." + std::to_string(index) + "@example.se";
    TestMail mail;
    mail.messageId = planned.messageId;
    mail.from = (planned.person ? "Person " : "Systemet ") + std::to_string(index) + " <" + planned.sender + ">";
    mail.subject = "=?UTF-8?Q?Ans=C3=B6kan_" + std::to_string(index) + "?=";
    mail.body = "Hej, här kommer underlag nummer " + std::to_string(index) + " via " + source + ".";
    if (!planned.person) mail.headers.push_back({"Auto-Submitted", "auto-generated"});
    const int pdfs = 1 + index % 2;
    for (int k = 0; k < pdfs; ++k) {
        const std::string name = "underlag-" + std::to_string(index) + "-" + std::to_string(k + 1) + ".pdf";
        mail.attachments.push_back({name, "application/pdf",
                                    textPdf("Underlag " + std::to_string(k + 1) + " till mejl " + planned.messageId +
                                            ": hyran är " + std::to_string(5000 + index) + " kronor.")});
        planned.attachmentNames.push_back(name);
    }
    if (index % 10 == 0) {
        const std::string name = "anteckning-" + std::to_string(index) + ".txt";
        mail.attachments.push_back({name, "text/plain; charset=utf-8", "Anteckning för " + planned.messageId + "\n"});
        planned.attachmentNames.push_back(name);
    }
    planned.raw = mail.raw();
    return planned;
}

struct Check {
    std::string what;
    bool passed;
    std::string detail;
};

long long scalar(Poco::Data::Session& session, const std::string& sql)
{
    Poco::Int64 value = 0;
    session << sql, into(value), now;
    return value;
}

std::size_t filesIn(const fs::path& folder)
{
    if (!fs::is_directory(folder)) return 0;
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file()) ++count;
    return count;
}

} // namespace

int main(int argc, char** argv)
{
    int perSource = 200, timeoutMinutes = 60;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--per-source") perSource = std::stoi(argv[i + 1]);
        else if (option == "--timeout-minutes") timeoutMinutes = std::stoi(argv[i + 1]);
        else {
            std::cerr << "usage: bench_mail_acceptance [--per-source N] [--timeout-minutes M]\n";
            return 2;
        }
    }
    if (!Dovecot::available() || !SmtpReceiver::available()) {
        std::cerr << "needs root, /usr/sbin/dovecot and /usr/bin/python3 with aiosmtpd\n";
        return 2;
    }
    std::cout << std::unitbuf;   // progress shows as it happens, also into a file
    const auto started = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };

    TempDir work;
    Dovecot dovecot;
    SmtpReceiver smtp;
    const fs::path maildir = work / "Maildir";
    makeMaildir(maildir);
    std::ofstream(work / "imap.pw") << dovecot.password() << "\n";

    std::vector<PlannedMail> mails;
    for (const char* source : {"imap", "pop3", "maildir"})
        for (int i = 0; i < perSource; ++i) mails.push_back(plan(source, i));
    std::cout << "planned " << mails.size() << " mails (" << perSource << " per source) in " << elapsed() << " s\n";

    const std::string host = "@127.0.0.1:";
    const std::string sources =
        "imap://" + dovecot.user() + host + std::to_string(dovecot.imapPort()) + "/Inkommande?password-file=" +
        (work / "imap.pw").string() + "&move-to=Behandlat&receipt=true&tls=none, pop3://" + dovecot.user() + ":" +
        dovecot.password() + host + std::to_string(dovecot.pop3Port()) + "?delete=true&receipt=true&tls=none, maildir:" +
        maildir.string() + "?receipt=true";
    Daemon daemon(work / "data", "inkorg.mail.sources = " + sources +
                                     "\ninkorg.mail.pollSeconds = 1\ninkorg.mail.retrySeconds = 1\n"
                                     "inkorg.mail.smtp.tls = none\ninkorg.mail.smtp.host = 127.0.0.1\ninkorg.mail.smtp.port = " +
                                     std::to_string(smtp.port()) +
                                     "\ninkorg.mail.receiptFrom = socialnamnden@exempelby.se\n");

    // Delivery while inkorg runs: interleaved over the sources, in batches of 15 (5 per source).
    std::atomic<std::size_t> delivered{0};
    std::atomic<double> deliveredAfter{0};
    std::thread delivery([&] {
        for (int i = 0; i < perSource; ++i) {
            for (std::size_t s = 0; s < 3; ++s) {
                const PlannedMail& mail = mails[s * perSource + i];
                const std::string unique = std::to_string(1772526600 + i) + ".M" + std::to_string(s * perSource + i) + ".bench";
                if (mail.source == "imap") dovecot.deliver(unique, mail.raw, "Inkommande");
                else if (mail.source == "pop3") dovecot.deliver(unique, mail.raw);
                else deliverToMaildir(maildir, unique, mail.raw);
                ++delivered;
            }
            if (i % 5 == 4) std::this_thread::sleep_for(std::chrono::milliseconds(500));
        }
        deliveredAfter = elapsed();
    });

    Poco::Data::SQLite::Connector::registerConnector();
    const fs::path database = work / "data" / "inkorg.db";
    auto registered = [&] {
        Poco::Data::Session session("SQLite", database.string());
        return scalar(session, "SELECT COUNT(*) FROM mail_messages WHERE state = 'registered'");
    };

    // Two SIGKILLs during the run, at a third and at two thirds of the mails registered.
    int kills = 0;
    for (const double share : {1.0 / 3, 2.0 / 3}) {
        const auto killBy = std::chrono::steady_clock::now() + std::chrono::minutes(timeoutMinutes);
        while (registered() < static_cast<long long>(share * mails.size()) && std::chrono::steady_clock::now() < killBy)
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        daemon.kill();
        ++kills;
        std::cout << "SIGKILL " << kills << " at " << elapsed() << " s with " << registered() << " mails registered, "
                  << delivered.load() << " delivered; restarting\n";
        daemon.start();
    }
    delivery.join();
    std::cout << "all " << delivered.load() << " mails had been delivered at " << deliveredAfter.load() << " s\n";

    // Done: every mail registered, no receipt due, no job unfinished, the mailboxes empty.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(timeoutMinutes);
    for (;;) {
        Poco::Data::Session session("SQLite", database.string());
        const bool settled =
            scalar(session, "SELECT COUNT(*) FROM mail_messages WHERE state = 'registered' AND handled_on_server = 1") >=
                static_cast<long long>(mails.size()) &&
            scalar(session, "SELECT COUNT(*) FROM mail_messages WHERE receipt_state = 'due'") == 0 &&
            scalar(session, "SELECT COUNT(*) FROM jobs WHERE state IN ('pending', 'claimed')") == 0;
        if (settled || std::chrono::steady_clock::now() > deadline) break;
        std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    const double seconds = elapsed();
    std::this_thread::sleep_for(std::chrono::seconds(2));   // a pass in flight finishes its post-actions

    std::vector<Check> checks;
    Poco::Data::Session session("SQLite", database.string());
    const long long total = static_cast<long long>(mails.size());
    long long expectedAttachments = 0;
    for (const auto& mail : mails) expectedAttachments += static_cast<long long>(mail.attachmentNames.size());

    const long long ledgerRows = scalar(session, "SELECT COUNT(*) FROM mail_messages");
    const long long ledgerRegistered = scalar(session, "SELECT COUNT(*) FROM mail_messages WHERE state = 'registered'");
    const long long distinctIds =
        scalar(session, "SELECT COUNT(DISTINCT message_id) FROM mail_messages WHERE state = 'registered'");
    checks.push_back({"every mail in the ledger once, registered", ledgerRows == total && ledgerRegistered == total &&
                                                                      distinctIds == total,
                      std::to_string(ledgerRows) + " rows, " + std::to_string(ledgerRegistered) + " registered, " +
                          std::to_string(distinctIds) + " distinct Message-IDs of " + std::to_string(total)});
    const long long heads = scalar(session, "SELECT COUNT(*) FROM documents WHERE original_name = 'meddelande.pdf'");
    const long long headsWithNumber = scalar(
        session, "SELECT COUNT(DISTINCT d.id) FROM mail_messages m JOIN documents d ON d.id = m.document_id"
                 " WHERE d.diarienummer IS NOT NULL");
    checks.push_back({"every mail registered once as a meddelande with a diarienummer",
                      heads == total && headsWithNumber == total,
                      std::to_string(heads) + " meddelande documents, " + std::to_string(headsWithNumber) +
                          " of the ledger's with a diarienummer"});
    const long long attachments = scalar(session, "SELECT COUNT(*) FROM documents WHERE case_document_id IS NOT NULL");
    const long long distinctAttachments = scalar(
        session, "SELECT COUNT(*) FROM (SELECT DISTINCT case_document_id, original_name FROM documents"
                 " WHERE case_document_id IS NOT NULL)");
    const long long quarantined =
        scalar(session, "SELECT COUNT(*) FROM documents WHERE status IN ('quarantined', 'discarded')");
    checks.push_back({"every attachment registered exactly once, under its mail's diarienummer",
                      attachments == expectedAttachments && distinctAttachments == expectedAttachments && quarantined == 0,
                      std::to_string(attachments) + " attachment documents (" + std::to_string(distinctAttachments) +
                          " distinct) of " + std::to_string(expectedAttachments) + " sent; " +
                          std::to_string(quarantined) + " quarantined"});
    const long long documents = scalar(session, "SELECT COUNT(*) FROM documents");
    const long long openJobs = scalar(session, "SELECT COUNT(*) FROM jobs WHERE state IN ('pending', 'claimed')");
    checks.push_back({"no stray documents, no unfinished jobs", documents == total + expectedAttachments && openJobs == 0,
                      std::to_string(documents) + " documents in all, " + std::to_string(openJobs) + " open jobs"});

    // Per mail: its attachments by name under its own meddelande.
    std::size_t wrongCases = 0;
    for (const auto& mail : mails) {
        std::string messageId = mail.messageId;
        std::vector<std::string> names;
        session << "SELECT d.original_name FROM mail_messages m JOIN documents d ON d.case_document_id = m.document_id"
                   " WHERE m.message_id = ? ORDER BY d.original_name",
            use(messageId), into(names), now;
        std::vector<std::string> expected = mail.attachmentNames;
        std::sort(expected.begin(), expected.end());
        if (names != expected) ++wrongCases;
    }
    checks.push_back({"each mail's attachments in its own ärende", wrongCases == 0,
                      std::to_string(wrongCases) + " mails with other attachments than sent"});

    // Receipts: every person one receipt (one Message-ID), automatic mail none. A receipt the
    // SMTP server had accepted when inkorg was killed, before the ledger's commit, comes again
    // with the same Message-ID (at least once, by design): counted, and at most one per SIGKILL.
    std::map<std::string, std::multiset<std::string>> receiptIds;   // recipient → Message-IDs
    auto headerOf = [](const std::string& raw, const std::string& name) {
        const auto at = raw.find("\n" + name + ": ");
        if (at == std::string::npos) return std::string();
        const auto start = at + name.size() + 3;
        return raw.substr(start, raw.find_first_of("\r\n", start) - start);
    };
    const auto receipts = smtp.messages();
    for (const std::string& raw : receipts) receiptIds[headerOf(raw, "X-RcptTo")].insert(headerOf(raw, "Message-ID"));
    std::size_t persons = 0, missing = 0, distinctTwice = 0, unasked = 0, redelivered = 0;
    for (const auto& mail : mails) {
        const auto found = receiptIds.find(mail.sender);
        const std::size_t copies = found == receiptIds.end() ? 0 : found->second.size();
        const std::size_t distinct =
            found == receiptIds.end() ? 0 : std::set<std::string>(found->second.begin(), found->second.end()).size();
        if (mail.person) {
            ++persons;
            if (distinct == 0) ++missing;
            if (distinct > 1) ++distinctTwice;
            if (copies > distinct) redelivered += copies - distinct;
        } else if (copies > 0) {
            ++unasked;
        }
    }
    checks.push_back({"a receipt for exactly the mails from a person",
                      missing == 0 && distinctTwice == 0 && unasked == 0 && redelivered <= static_cast<std::size_t>(kills),
                      std::to_string(receipts.size()) + " receipts for " + std::to_string(persons) + " persons; " +
                          std::to_string(missing) + " missing, " + std::to_string(distinctTwice) +
                          " persons with two different receipts, " + std::to_string(unasked) +
                          " to automatic mail, " + std::to_string(redelivered) +
                          " sent again with the same Message-ID after a SIGKILL"});

    // Post-actions at the sources.
    const fs::path box = dovecot.maildir();
    const std::size_t inbox = filesIn(box / "new") + filesIn(box / "cur");
    const std::size_t inkommande = filesIn(box / ".Inkommande" / "new") + filesIn(box / ".Inkommande" / "cur");
    const std::size_t behandlat = filesIn(box / ".Behandlat" / "new") + filesIn(box / ".Behandlat" / "cur");
    std::size_t seen = 0;
    for (const auto& entry : fs::directory_iterator(maildir / "cur"))
        if (entry.path().filename().string().ends_with(":2,S")) ++seen;
    checks.push_back({"POP3: every mail deleted from INBOX", inbox == 0, std::to_string(inbox) + " left"});
    checks.push_back({"IMAP: every mail moved from Inkommande to Behandlat",
                      inkommande == 0 && behandlat == static_cast<std::size_t>(perSource),
                      std::to_string(inkommande) + " left, " + std::to_string(behandlat) + " in Behandlat"});
    checks.push_back({"Maildir: every mail in cur/ marked seen, none in new/",
                      filesIn(maildir / "new") == 0 && seen == static_cast<std::size_t>(perSource),
                      std::to_string(filesIn(maildir / "new")) + " in new/, " + std::to_string(seen) + " seen in cur/"});

    std::cout << "\nmail acceptance run: " << total << " mails (" << perSource << " each via IMAP, POP3, Maildir), "
              << expectedAttachments << " attachments, " << kills << " SIGKILLs; settled after " << seconds << " s\n";
    bool all = true;
    for (const auto& check : checks) {
        std::cout << (check.passed ? "  PASS  " : "  FAIL  ") << check.what << ": " << check.detail << "\n";
        all = all && check.passed;
    }
    std::cout << (all ? "ALL PASSED\n" : "FAILED\n");
    return all ? 0 : 1;
}
