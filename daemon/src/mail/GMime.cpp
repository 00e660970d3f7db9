#include "mail/GMime.hpp"

#include <mutex>

namespace inkorg::mail::gmime {

void ensureInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_mime_init();
        static const char* fallback[] = {"UTF-8", "windows-1252", nullptr};
        g_mime_parser_options_set_fallback_charsets(g_mime_parser_options_get_default(), fallback);
    });
}

} // namespace inkorg::mail::gmime
