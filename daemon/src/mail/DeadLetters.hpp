#pragma once
/// The dead letters for registrators: mails inkorg gave up on (too many attachments, the message
/// unreadable, failed every try), left untouched in their mailbox. Shown by `inkorg dead-letters`
/// and GET /api/dead-letters, in one JSON shape:
///
///     {"dead_letters":[{"id":7,"source":"imap://registrator@mail:143/INBOX","message_id":"…",
///                       "from":"anna@example.se","subject":"Ansökan","received":"2026-03-03T08:30:00.000Z",
///                       "reason":"Meddelandet har 60 bilagor; …"}]}

#include "mail/MailLedger.hpp"

#include <Poco/JSON/Object.h>

namespace inkorg::mail {

/// Every dead letter in the ledger, oldest first, as above.
Poco::JSON::Object::Ptr deadLettersJson(MailLedger& ledger);

} // namespace inkorg::mail
