#include "config/Settings.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/Process.h>
#include <Poco/URI.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>
#include <thread>

namespace inkorg::config {
namespace {

using Poco::Util::AbstractConfiguration;
using Binder = std::function<void(Settings&, const std::string& value)>;

long long parseInteger(const std::string& key, const std::string& value)
{
    Poco::Int64 number = 0;
    if (!Poco::NumberParser::tryParse64(value, number))
        throw std::runtime_error("setting " + key + " must be a whole number, not '" + value + "'");
    return number;
}

bool parseBoolean(const std::string& key, const std::string& value)
{
    bool flag = false;
    if (!Poco::NumberParser::tryParseBool(value, flag))
        throw std::runtime_error("setting " + key + " must be true or false, not '" + value + "'");
    return flag;
}

long long parsePositive(const std::string& key, const std::string& value)
{
    const long long number = parseInteger(key, value);
    if (number <= 0 || number > 1000000) throw std::runtime_error("setting " + key + " must be a whole number from 1 to 1000000, not '" + value + "'");
    return number;
}

/// http(s)://host[:port], nothing else: the address users type.
std::string parsePublicUrl(const std::string& value)
{
    try {
        const Poco::URI url(value);
        if ((url.getScheme() == "https" || url.getScheme() == "http") && !url.getHost().empty() &&
            (url.getPath().empty() || url.getPath() == "/") && url.getQuery().empty() && url.getFragment().empty() &&
            url.getUserInfo().empty())
            return value;
    } catch (const Poco::Exception&) {
        // answered below
    }
    throw std::runtime_error("setting inkorg.http.publicUrl must be https://host[:port] (or http://), not '" + value + "'");
}

/// The one table of configuration keys: key → how it sets Settings.
const std::map<std::string, Binder>& binders()
{
    static const std::map<std::string, Binder> table = {
        {"inkorg.data.dir", [](Settings& s, const std::string& v) { s.dataDir = v; }},
        {"inkorg.store.dir", [](Settings& s, const std::string& v) { s.sharedStoreDir = v; }},
        {"inkorg.database.url", [](Settings& s, const std::string& v) { s.databaseUrl = v; }},
        {"inkorg.share.dir", [](Settings& s, const std::string& v) { s.shareDir = v; }},
        {"inkorg.plugins.dir", [](Settings& s, const std::string& v) { s.pluginDir = v; }},
        {"inkorg.http.host", [](Settings& s, const std::string& v) { s.httpHost = v; }},
        {"inkorg.http.port", [](Settings& s, const std::string& v) { s.httpPort = int(parseInteger("inkorg.http.port", v)); }},
        {"inkorg.http.sessionHours", [](Settings& s, const std::string& v) { s.sessionLifetime = std::chrono::hours(parseInteger("inkorg.http.sessionHours", v)); }},
        {"inkorg.http.publicUrl", [](Settings& s, const std::string& v) { s.httpPublicUrl = parsePublicUrl(v); }},
        {"inkorg.http.allowedHosts", [](Settings& s, const std::string& v) { s.httpAllowedHosts = v; }},
        {"inkorg.http.maxUploadMegabytes", [](Settings& s, const std::string& v) { s.httpMaxUploadMegabytes = parsePositive("inkorg.http.maxUploadMegabytes", v); }},
        {"inkorg.http.headerTimeoutSeconds", [](Settings& s, const std::string& v) { s.httpHeaderTimeout = std::chrono::seconds(parsePositive("inkorg.http.headerTimeoutSeconds", v)); }},
        {"inkorg.http.requestTimeoutSeconds", [](Settings& s, const std::string& v) { s.httpRequestTimeout = std::chrono::seconds(parsePositive("inkorg.http.requestTimeoutSeconds", v)); }},
        {"inkorg.http.minBodyBytesPerSecond", [](Settings& s, const std::string& v) { s.httpMinBodyBytesPerSecond = parsePositive("inkorg.http.minBodyBytesPerSecond", v); }},
        {"inkorg.http.bodiesPerClient", [](Settings& s, const std::string& v) { s.httpBodiesPerClient = int(parsePositive("inkorg.http.bodiesPerClient", v)); }},
        {"inkorg.http.threads", [](Settings& s, const std::string& v) { s.httpThreads = int(parsePositive("inkorg.http.threads", v)); }},
        {"inkorg.intake.settleMilliseconds", [](Settings& s, const std::string& v) { s.settleTime = std::chrono::milliseconds(parseInteger("inkorg.intake.settleMilliseconds", v)); }},
        {"inkorg.intake.pollMilliseconds", [](Settings& s, const std::string& v) { s.pollInterval = std::chrono::milliseconds(parseInteger("inkorg.intake.pollMilliseconds", v)); }},
        {"inkorg.node.name", [](Settings& s, const std::string& v) { s.nodeName = v; }},
        {"inkorg.jobs.leaseSeconds", [](Settings& s, const std::string& v) { s.jobLease = std::chrono::seconds(parseInteger("inkorg.jobs.leaseSeconds", v)); }},
        {"inkorg.jobs.maxAttempts", [](Settings& s, const std::string& v) { s.maxAttempts = int(parseInteger("inkorg.jobs.maxAttempts", v)); }},
        {"inkorg.ocr.workers", [](Settings& s, const std::string& v) { s.workers = int(parseInteger("inkorg.ocr.workers", v)); }},
        {"inkorg.ocr.pageTimeoutSeconds", [](Settings& s, const std::string& v) { s.pageTimeout = std::chrono::seconds(parseInteger("inkorg.ocr.pageTimeoutSeconds", v)); }},
        {"inkorg.ocr.memoryCapMegabytes", [](Settings& s, const std::string& v) { s.memoryCapMegabytes = parseInteger("inkorg.ocr.memoryCapMegabytes", v); }},
        {"inkorg.ocr.maxMegapixels", [](Settings& s, const std::string& v) { s.maxMegapixels = parseInteger("inkorg.ocr.maxMegapixels", v); }},
        {"inkorg.ocr.orientation", [](Settings& s, const std::string& v) { s.orientation = parseBoolean("inkorg.ocr.orientation", v); }},
        {"inkorg.ocr.deskew", [](Settings& s, const std::string& v) { s.deskew = parseBoolean("inkorg.ocr.deskew", v); }},
        {"inkorg.ocr.despeckle", [](Settings& s, const std::string& v) { s.despeckle = parseBoolean("inkorg.ocr.despeckle", v); }},
        {"inkorg.ocr.binarize", [](Settings& s, const std::string& v) { s.binarize = parseBoolean("inkorg.ocr.binarize", v); }},
        {"inkorg.ocr.resample", [](Settings& s, const std::string& v) { s.resample = parseBoolean("inkorg.ocr.resample", v); }},
        {"inkorg.ocr.dropEmptyPages", [](Settings& s, const std::string& v) { s.dropEmptyPages = parseBoolean("inkorg.ocr.dropEmptyPages", v); }},
        {"inkorg.ocr.language", [](Settings& s, const std::string& v) { s.ocrLanguage = v; }},
        {"inkorg.ocr.maxPages", [](Settings& s, const std::string& v) { s.maxPages = int(parseInteger("inkorg.ocr.maxPages", v)); }},
        {"inkorg.ocr.documentTimeoutSeconds", [](Settings& s, const std::string& v) { s.documentTimeout = std::chrono::seconds(parseInteger("inkorg.ocr.documentTimeoutSeconds", v)); }},
        {"inkorg.ocr.workerUser", [](Settings& s, const std::string& v) { s.workerUser = v; }},
        {"inkorg.numbering.diarium", [](Settings& s, const std::string& v) { s.diariumPattern = v; }},
        {"inkorg.numbering.personakt", [](Settings& s, const std::string& v) { s.personaktPattern = v; }},
        {"inkorg.kommun.name", [](Settings& s, const std::string& v) { s.kommunName = v; }},
        {"inkorg.kommun.namnd", [](Settings& s, const std::string& v) { s.namndName = v; }},
        {"inkorg.kommun.address", [](Settings& s, const std::string& v) { s.kommunAddress = v; }},
        {"inkorg.kommun.phone", [](Settings& s, const std::string& v) { s.kommunPhone = v; }},
        {"inkorg.kommun.email", [](Settings& s, const std::string& v) { s.kommunEmail = v; }},
        {"inkorg.kommun.forvaltningsratt", [](Settings& s, const std::string& v) { s.forvaltningsratt = v; }},
        {"inkorg.mail.sources", [](Settings& s, const std::string& v) { s.mailSources = v; }},
        {"inkorg.mail.pollSeconds", [](Settings& s, const std::string& v) { s.mailPollInterval = std::chrono::seconds(parseInteger("inkorg.mail.pollSeconds", v)); }},
        {"inkorg.mail.maxAttachmentMegabytes", [](Settings& s, const std::string& v) { s.mailMaxAttachmentMegabytes = parseInteger("inkorg.mail.maxAttachmentMegabytes", v); }},
        {"inkorg.mail.maxAttachments", [](Settings& s, const std::string& v) { s.mailMaxAttachments = parseInteger("inkorg.mail.maxAttachments", v); }},
        {"inkorg.mail.maxAttempts", [](Settings& s, const std::string& v) { s.mailMaxAttempts = int(parseInteger("inkorg.mail.maxAttempts", v)); }},
        {"inkorg.mail.retrySeconds", [](Settings& s, const std::string& v) { s.mailRetrySeconds = parseInteger("inkorg.mail.retrySeconds", v); }},
        {"inkorg.mail.smtp.host", [](Settings& s, const std::string& v) { s.mailSmtpHost = v; }},
        {"inkorg.mail.smtp.port", [](Settings& s, const std::string& v) { s.mailSmtpPort = int(parseInteger("inkorg.mail.smtp.port", v)); }},
        {"inkorg.mail.receiptFrom", [](Settings& s, const std::string& v) { s.mailReceiptFrom = v; }},
        {"inkorg.mail.smtp.tls", [](Settings& s, const std::string& v) {
             if (v != "required" && v != "starttls" && v != "none")
                 throw std::runtime_error("setting inkorg.mail.smtp.tls must be required, starttls or none, not '" + v + "'");
             s.mailSmtpTls = v; }},
        {"inkorg.mail.smtp.caFile", [](Settings& s, const std::string& v) { s.mailSmtpCaFile = v; }},
    };
    return table;
}

void collectLeafKeys(const AbstractConfiguration& config, const std::string& prefix, std::vector<std::string>& out)
{
    AbstractConfiguration::Keys children;
    config.keys(prefix, children);
    if (children.empty()) {
        if (!prefix.empty()) out.push_back(prefix);
        return;
    }
    for (const auto& child : children)
        collectLeafKeys(config, prefix.empty() ? child : prefix + "." + child, out);
}

void applyFile(Settings& settings, const std::filesystem::path& file)
{
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config;
    try {
        config = new Poco::Util::PropertyFileConfiguration(file.string());
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("cannot read configuration file " + file.string() + ": " + e.displayText());
    }
    std::vector<std::string> keys;
    collectLeafKeys(*config, "", keys);
    for (const auto& key : keys) {
        auto binder = binders().find(key);
        if (binder == binders().end())
            throw std::runtime_error("unknown setting '" + key + "' in " + file.string() +
                                     " (inkorg config keys lists the known ones)");
        try {
            binder->second(settings, config->getString(key));
        } catch (const std::runtime_error& e) {
            throw std::runtime_error(std::string(e.what()) + " (in " + file.string() + ")");
        }
    }
}

} // namespace

int Settings::workerCount() const
{
    return workers > 0 ? workers : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

std::vector<std::string> knownKeys()
{
    std::vector<std::string> keys;
    for (const auto& [key, binder] : binders()) keys.push_back(key);
    return keys;
}

Settings load(const Overrides& overrides)
{
    Settings settings;
    settings.shareDir = INKORG_DEFAULT_SHARE_DIR;
    settings.pluginDir = INKORG_DEFAULT_PLUGIN_DIR;
    if (overrides.configFile) applyFile(settings, *overrides.configFile);
    if (const std::string fromEnvironment = Poco::Environment::get(kDatabaseUrlVariable, ""); !fromEnvironment.empty())
        settings.databaseUrl = fromEnvironment;
    if (overrides.dataDir) settings.dataDir = *overrides.dataDir;
    if (overrides.databaseUrl) settings.databaseUrl = *overrides.databaseUrl;
    if (settings.databaseUrl.empty())
        settings.databaseUrl = "sqlite:" + (settings.dataDir / "inkorg.db").string();
    if (settings.nodeName.empty())
        settings.nodeName = Poco::Environment::nodeName() + ":" + std::to_string(Poco::Process::id());
    return settings;
}

} // namespace inkorg::config
