#pragma once
/// The parts of inkorg, built once from the settings and shared by the daemon's subsystems and
/// the command line: database and diarium, store of originals, forms, text reader, letters.
/// The text reader (which starts OCR worker processes) is made on first use.

#include "config/Settings.hpp"
#include "diarium/AuditKey.hpp"
#include "diarium/ContentStore.hpp"
#include "diarium/Database.hpp"
#include "diarium/Diarium.hpp"
#include "forms/FormCatalog.hpp"
#include "letters/LetterRenderer.hpp"
#include "pipeline/SpoolFolder.hpp"
#include "pipeline/WorkSignal.hpp"
#include "text/TextExtractor.hpp"

#include <inkorg/plugin.hpp>

#include <memory>
#include <mutex>

namespace inkorg::decisions {
class LegalModels;
}

namespace inkorg::pipeline {

/// The text reader's options from the settings (workers 0 = one per core); the spool folder is
/// the caller's (Services gives its SpoolFolder).
text::TextOptions textOptionsOf(const config::Settings& settings);

class Services {
public:
    /// Opens (and migrates) the database, creates the data folders, loads the forms.
    explicit Services(config::Settings settings);
    ~Services();

    const config::Settings& settings() const { return settings_; }
    diarium::Database& database() { return *database_; }
    diarium::Diarium& diarium() { return *diarium_; }
    diarium::ContentStore& store() { return *store_; }
    /// This process's private folder for page images and uploads in progress (SpoolFolder.hpp).
    const std::filesystem::path& spoolDir() const { return spool_->path(); }
    const forms::FormCatalog& forms() const { return *forms_; }
    /// Every form's legal model (form.json "beslut", checked against schemas/beslut.schema.json
    /// at construction: a broken part throws decisions::LegalModelError and nothing starts).
    const decisions::LegalModels& legalModels() const { return *legalModels_; }
    const inkorg::NormTables& norms() const { return norms_; }
    const letters::LetterRenderer& letters() const { return *letters_; }
    /// The text reader and its worker pool, started on first call. Thread-safe.
    text::TextExtractor& text();
    /// The key of the audit's hashed personnummer (AuditKey), `<store>/audit-key`, read or made
    /// on first call (not by every command: one run as root would leave a key the daemon cannot
    /// read). Thread-safe.
    const diarium::AuditKey& auditKey();
    /// Intake notifies it when it has queued jobs; the job runners wait on it between polls.
    WorkSignal& workSignal() { return workSignal_; }

private:
    config::Settings settings_;
    std::unique_ptr<diarium::Database> database_;
    std::unique_ptr<diarium::Diarium> diarium_;
    std::unique_ptr<diarium::ContentStore> store_;
    std::unique_ptr<SpoolFolder> spool_;
    std::unique_ptr<forms::FormCatalog> forms_;
    std::unique_ptr<decisions::LegalModels> legalModels_;
    inkorg::NormTables norms_;
    std::unique_ptr<letters::LetterRenderer> letters_;
    std::once_flag textOnce_;
    std::unique_ptr<text::TextExtractor> text_;
    std::once_flag auditKeyOnce_;
    std::unique_ptr<diarium::AuditKey> auditKey_;
    WorkSignal workSignal_;
};

} // namespace inkorg::pipeline
