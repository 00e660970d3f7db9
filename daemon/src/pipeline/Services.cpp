#include "pipeline/Services.hpp"

#include "decisions/LegalModels.hpp"
#include "validate/NormTables.hpp"

#include <thread>

namespace inkorg::pipeline {

namespace {

diarium::NumberingConfig numberingOf(const config::Settings& settings)
{
    diarium::NumberingConfig numbering;
    numbering.patterns[diarium::kDiarium] = settings.diariumPattern;
    numbering.patterns[diarium::kPersonakt] = settings.personaktPattern;
    return numbering;
}

letters::Kommun kommunOf(const config::Settings& settings)
{
    return {settings.kommunName, settings.namndName, settings.kommunAddress, settings.kommunPhone,
            settings.kommunEmail, settings.forvaltningsratt};
}

} // namespace

text::TextOptions textOptionsOf(const config::Settings& settings)
{
    text::TextOptions options;
    options.workers = settings.workerCount();
    options.pageTimeout = settings.pageTimeout;
    options.memoryCapBytes = static_cast<std::size_t>(settings.memoryCapMegabytes) << 20;
    options.maxPixels = static_cast<std::uint64_t>(settings.maxMegapixels) * 1'000'000;
    options.orientation = settings.orientation;
    options.deskew = settings.deskew;
    options.despeckle = settings.despeckle;
    options.binarize = settings.binarize;
    options.resample = settings.resample;
    options.dropEmptyPages = settings.dropEmptyPages;
    options.language = settings.ocrLanguage;
    options.maxPages = settings.maxPages;
    options.documentTimeout = settings.documentTimeout;
    options.workerUser = settings.workerUser;
    return options;
}

Services::Services(config::Settings settings) : settings_(std::move(settings))
{
    std::filesystem::create_directories(settings_.dataDir);
    std::filesystem::create_directories(settings_.inboxDir());
    std::filesystem::create_directories(settings_.quarantineDir());
    database_ = std::make_unique<diarium::Database>(settings_.databaseUrl);
    database_->migrate();
    diarium_ = std::make_unique<diarium::Diarium>(*database_, numberingOf(settings_),
                                                  diarium::JobPolicy{settings_.maxAttempts});
    store_ = std::make_unique<diarium::ContentStore>(settings_.storeDir());
    spool_ = std::make_unique<SpoolFolder>(settings_.dataDir / "spool");
    forms_ = std::make_unique<forms::FormCatalog>(settings_.formsDir(), settings_.schemasDir(), settings_.pluginDir);
    legalModels_ = std::make_unique<decisions::LegalModels>(settings_.formsDir(), settings_.schemasDir() / "beslut.schema.json");
    norms_ = validate::loadNormTables(settings_.formsDir() / "norms.json", settings_.kommunName);
    letters_ = std::make_unique<letters::LetterRenderer>(settings_.formsDir(), kommunOf(settings_));
}

Services::~Services() = default;

text::TextExtractor& Services::text()
{
    std::call_once(textOnce_, [this] {
        auto options = textOptionsOf(settings_);
        options.spoolDir = spool_->path();
        text_ = std::make_unique<text::TextExtractor>(options);
    });
    return *text_;
}

const diarium::AuditKey& Services::auditKey()
{
    std::call_once(auditKeyOnce_, [this] { auditKey_ = std::make_unique<diarium::AuditKey>(settings_.storeDir() / "audit-key"); });
    return *auditKey_;
}

} // namespace inkorg::pipeline
