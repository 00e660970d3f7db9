#include "diarium/IsoTime.hpp"

#include <cstdio>
#include <ctime>

namespace inkorg::diarium {

std::string isoUtc(std::chrono::system_clock::time_point instant)
{
    using namespace std::chrono;
    const auto millis = duration_cast<milliseconds>(instant.time_since_epoch()).count();
    const std::time_t seconds = static_cast<std::time_t>(millis / 1000 - (millis % 1000 < 0 ? 1 : 0));
    const int fraction = static_cast<int>(((millis % 1000) + 1000) % 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[80];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, fraction);
    return text;
}

} // namespace inkorg::diarium
