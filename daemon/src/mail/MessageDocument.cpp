#include "mail/MessageDocument.hpp"

#include "pdf/FlowLayout.hpp"

#include <inkorg/swedish_time.hpp>

#include <Poco/DateTimeParser.h>
#include <Poco/DateTimeFormat.h>

#include <cstdio>

namespace inkorg::mail {
namespace {

constexpr std::size_t kMaxBodyBytes = 200'000;

std::chrono::system_clock::time_point instantOf(const std::string& iso)
{
    int zone = 0;
    Poco::DateTime parsed;
    if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, iso, parsed, zone))
        return std::chrono::system_clock::now();
    return std::chrono::system_clock::from_time_t(parsed.timestamp().epochTime());
}

/// A stored UTC instant as the Swedish clock shows it ("2026-07-01 00:30"); unreadable text as it is.
std::string shown(const std::string& iso)
{
    int zone = 0;
    Poco::DateTime parsed;
    if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, iso, parsed, zone)) return iso;
    const auto instant = std::chrono::system_clock::from_time_t(parsed.timestamp().epochTime());
    const long long minutes = swedish::timeOfDay(instant).count();
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02lld:%02lld", minutes / 60, minutes % 60);
    return swedish::toIso(swedish::dayOf(instant)) + " " + clock;
}

} // namespace

std::string renderMessageDocument(const ParsedMail& mail, const std::string& receivedAt,
                                  const std::vector<std::string>& attachmentNames)
{
    pdf::FlowLayout layout;
    layout.title("E-postmeddelande");
    std::string from = mail.fromName.empty() ? mail.fromAddress : mail.fromName + " <" + mail.fromAddress + ">";
    layout.keyValue("Från", from.empty() ? "(okänd avsändare)" : from);
    layout.keyValue("Ämne", mail.subject.empty() ? "(inget ämne)" : mail.subject);
    if (!mail.dateHeader.empty()) layout.keyValue("Skickat", shown(mail.dateHeader));
    layout.keyValue("Inkom", shown(receivedAt));
    if (!mail.messageId.empty()) layout.keyValue("Meddelande-id", mail.messageId);
    if (!attachmentNames.empty()) {
        std::string list;
        for (const auto& name : attachmentNames) list += (list.empty() ? "" : "\n") + name;
        layout.keyValue("Bilagor", list);
    }
    layout.space(12);
    std::string body = mail.bodyText;
    if (body.size() > kMaxBodyBytes) {
        std::size_t end = kMaxBodyBytes;
        while (end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) --end;
        body = body.substr(0, end) + "\n\n[Texten är avkortad här. Hela meddelandet finns i originalet (.eml).]";
    }
    layout.paragraph(body.empty() ? "(meddelandet har ingen text)" : body);

    pdf::PdfMetadata metadata;
    metadata.title = mail.subject.empty() ? "E-postmeddelande" : mail.subject;
    metadata.author = from;
    metadata.subject = "E-postmeddelande";
    metadata.created = instantOf(receivedAt);
    pdf::PdfWriter writer(metadata);
    layout.render(writer);
    return writer.saveToBytes();
}

} // namespace inkorg::mail
