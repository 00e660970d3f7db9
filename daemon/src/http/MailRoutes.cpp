#include "http/MailRoutes.hpp"

#include "http/ApiSupport.hpp"
#include "http/DocumentAccess.hpp"

#include "forms/RecordJson.hpp"
#include "mail/DeadLetters.hpp"

namespace inkorg::http {

void addMailRoutes(Router& router, pipeline::Services& services)
{
    router.add("GET", "/api/dead-letters", Access::Authenticated, [&services](Exchange& exchange) {
        requireRole(exchange, {kRegistrator, kAdministrator}, "Bara registratorer ser e-post som inte kunde tas emot");
        auditListRead(services, *exchange.caller, "dead letters");
        mail::MailLedger ledger(services.database());
        exchange.sendJson(forms::stringify(mail::deadLettersJson(ledger)));
    });
}

} // namespace inkorg::http
