#include "mail/DeadLetters.hpp"

#include <Poco/JSON/Array.h>

namespace inkorg::mail {

Poco::JSON::Object::Ptr deadLettersJson(MailLedger& ledger)
{
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const LedgerEntry& entry : ledger.inState("dead_letter")) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("id", entry.id);
        item->set("source", entry.source);
        item->set("message_id", entry.messageId);
        item->set("from", entry.fromAddress);
        item->set("subject", entry.subject);
        item->set("received", entry.receivedAt);
        item->set("reason", entry.lastError);
        list->add(item);
    }
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("dead_letters", list);
    return json;
}

} // namespace inkorg::mail
