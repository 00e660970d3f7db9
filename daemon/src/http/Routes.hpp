#pragma once
/// The API's route groups, one file each; makeApi (Api.cpp) adds them all to one Router.
/// Every route but those marked public needs a session cookie or bearer token (Router.hpp).

#include "http/Router.hpp"
#include "pipeline/Services.hpp"

namespace inkorg::http {

/// POST /api/session (public: token → HttpOnly cookie), GET /api/session (who am I),
/// DELETE /api/session (log out).
void addSessionRoutes(Router& router, pipeline::Services& services);

/// GET /api/documents (the inkorg: ?status=&form=&priority=&q=&limit=200&offset=, one query,
/// header X-Inkorg-More: 1 when more match), POST /api/documents, GET /api/documents/{id},
/// corrections, registration, assignment, GET /api/forms.
void addDocumentRoutes(Router& router, pipeline::Services& services);

/// GET /api/documents/{id}/pages/{n}.png, GET /api/documents/{id}/original (audited).
void addPageImageRoutes(Router& router, pipeline::Services& services);

/// GET /api/quarantine, POST /api/quarantine/{id}/release, POST /api/quarantine/{id}/discard.
void addQuarantineRoutes(Router& router, pipeline::Services& services);

/// POST /api/documents/{id}/decision/preview (the real beslutsbrev, nothing stored),
/// POST /api/documents/{id}/decision (Skicka: stored), GET /api/documents/{id}/decisions/{d}.
void addDecisionRoutes(Router& router, pipeline::Services& services);

/// GET/POST /api/users, POST /api/users/{id}/token, POST /api/users/{id}/active (administratör).
void addUserRoutes(Router& router, pipeline::Services& services);

/// GET /api/audit?user=&document= (loggkontroll: gruppledare, administratör).
void addAuditRoutes(Router& router, pipeline::Services& services);

/// GET /api/deadlines, POST /api/deadlines/{id}/done.
void addDeadlineRoutes(Router& router, pipeline::Services& services);

/// GET /api/public/diarium (public, OSL 5:2 fields, no personakt documents).
void addPublicDiariumRoutes(Router& router, pipeline::Services& services);
/// GET/POST /api/arenden, GET /api/arenden/{id}, POST /api/arenden/{id}/handlingar and /status,
/// GET /api/documents/{id}/arende, POST /api/documents/{id}/describe (Beskriv och koppla).
void addArendeRoutes(Router& router, pipeline::Services& services);
/// GET documents/{id}/kvitto (?format=text), GET rapport/delegationsbeslut?from=&to=.
void addLetterRoutes(Router& router, pipeline::Services& services);

/// POST documents/{id}/lex-sarah/bedomning {allvarligt, motivering, datum?},
/// POST documents/{id}/lex-sarah/ivo-anmalan {datum?, ivoDiarienummer?},
/// POST decisions/{id}/verkstallighet {datum?, skal?, insats?}, POST decisions/{id}/expediera
/// (Spara och expediera: the beslutsbrev registered in its ärende; handläggare, gruppledare),
/// POST decisions/{id}/overklagande {inkom, delfatt, felaktigHanvisning?, handling?} (also the
/// registrator), POST decisions/{id}/overklagande/utfall {utfall, datum?},
/// GET rapport/ej-verkstallda?kvartal=YYYY-Q (gruppledare, administratör).
void addFollowUpRoutes(Router& router, pipeline::Services& services);

} // namespace inkorg::http
