// The original of a document: its pages as PNG beside the fields (drawn by a worker), and the file itself.
// Each is a read of the document's content, so each is audited.
#include "http/ApiSupport.hpp"
#include "http/DocumentAccess.hpp"
#include "http/Routes.hpp"

#include "text/Unreadable.hpp"

#include <fstream>
#include <sstream>

namespace inkorg::http {

using Poco::Net::HTTPResponse;

namespace {

/// "3.png" or "3" → 3; 404 otherwise.
int pageNumber(const std::string& segment)
{
    std::string digits = segment;
    if (digits.size() > 4 && digits.compare(digits.size() - 4, 4, ".png") == 0) digits.resize(digits.size() - 4);
    if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos)
        throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Ingen sådan sida");
    return std::stoi(digits);
}

/// A file name safe inside a Content-Disposition header.
std::string headerSafe(const std::string& name)
{
    std::string safe;
    for (unsigned char c : name) safe += (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f) ? '_' : static_cast<char>(c);
    return safe.empty() ? "original" : safe;
}

} // namespace

void addPageImageRoutes(Router& router, pipeline::Services& services)
{
    router.add("GET", "/api/documents/{id}/pages/{page}", Access::Authenticated, [&services](Exchange& exchange) {
        const int number = pageNumber(exchange.params.at("page"));
        const auto opened = openDocument(services, *exchange.caller, numberParam(exchange), "page " + std::to_string(number));
        if (opened.row.status == diarium::kQuarantined || opened.row.status == diarium::kDiscarded)
            throw HttpError(HTTPResponse::HTTP_CONFLICT, "Filen i karantän visas inte här – ladda ner originalet");
        try {
            // Drawn by a worker: the original is untrusted bytes (TextExtractor::renderPage).
            const auto page = services.text().renderPage(services.store().pathOf(opened.row.sha256), number);
            exchange.response.set("X-Page-Width", std::to_string(page.width));
            exchange.response.set("X-Page-Height", std::to_string(page.height));
            exchange.sendBytes(page.png, "image/png");
        } catch (const std::out_of_range&) {
            throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Handlingen har ingen sida " + std::to_string(number));
        } catch (const text::Unreadable& unreadable) {
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, unreadable.what());
        }
    });

    router.add("GET", "/api/documents/{id}/original", Access::Authenticated, [&services](Exchange& exchange) {
        const auto opened = openDocument(services, *exchange.caller, numberParam(exchange), "original");
        std::ifstream in(services.store().pathOf(opened.row.sha256), std::ios::binary);
        if (!in) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Originalet finns inte i arkivet");
        std::ostringstream bytes;
        bytes << in.rdbuf();
        exchange.response.set("Content-Disposition", "attachment; filename=\"" + headerSafe(opened.row.originalName) + "\"");
        exchange.sendBytes(bytes.str(), "application/octet-stream");
    });
}

} // namespace inkorg::http
