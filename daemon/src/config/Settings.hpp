#pragma once
/// inkorg's settings: defaults, overridden by an optional configuration file (Poco properties
/// format, keys under `inkorg.`), overridden by command-line options. Unknown keys are refused.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace inkorg::config {

struct Settings {
    std::filesystem::path dataDir = "var";       ///< inbox/, store/, quarantine/, archive/, inkorg.db
    std::string databaseUrl;                     ///< default "sqlite:<dataDir>/inkorg.db"
    std::filesystem::path shareDir;              ///< forms/, schemas/, daemon/web/
    std::filesystem::path pluginDir;

    std::string httpHost = "127.0.0.1";
    int httpPort = 8080;
    std::chrono::hours sessionLifetime{8};
    /// The URL users reach the daemon by when it sits behind a reverse proxy
    /// ("https://inkorg.kommun.se"): its host is accepted, https makes the cookie Secure.
    std::string httpPublicUrl;
    std::string httpAllowedHosts;                ///< host:port, comma-separated; empty = the loopback names
    long long httpMaxUploadMegabytes = 100;      ///< POST /api/documents
    std::chrono::seconds httpHeaderTimeout{10};  ///< the header block, from the connection
    std::chrono::seconds httpRequestTimeout{120};///< the whole request, headers and body
    int httpThreads = 32;                        ///< requests served at once
    long long httpMinBodyBytesPerSecond = 4096;  ///< a body's least average rate (http/HttpServer.hpp)
    int httpBodiesPerClient = 4;                 ///< bodies still arriving from one address at once

    std::chrono::milliseconds settleTime{2000};  ///< a file is taken when unchanged this long
    std::chrono::milliseconds pollInterval{500};
    std::string nodeName;                        ///< default: host name + pid
    std::chrono::seconds jobLease{600};
    int maxAttempts = 3;

    int workers = 0;                             ///< OCR worker processes; 0 = cores
    std::chrono::seconds pageTimeout{120};
    long long memoryCapMegabytes = 1024;
    long long maxMegapixels = 100;
    bool orientation = true, deskew = true, despeckle = true, binarize = false, resample = true, dropEmptyPages = true;
    std::string ocrLanguage = "swe";
    int maxPages = 500;                          ///< a document with more pages is quarantined unread
    std::chrono::seconds documentTimeout{1800};  ///< OCR time for all pages of one document
    std::string workerUser = "nobody";           ///< who OCR workers run as when inkorg runs as root

    std::string diariumPattern = "SN {year}/{seq}";
    std::string personaktPattern = "PA {year}/{seq}";

    std::string kommunName = "Exempelby kommun";
    std::string namndName = "Socialnämnden";
    std::string kommunAddress = "Box 1, 123 45 Exempelby";
    std::string kommunPhone = "0123-45 67 00";
    std::string kommunEmail = "socialnamnden@exempelby.se";
    /// The förvaltningsrätt of the kommun's domkrets, named in every appeal notice and the
    /// överlämnande (FL 43 §). The default fits the seeds' kommuner (Jönköpings län).
    std::string forvaltningsratt = "Förvaltningsrätten i Jönköping";

    /// E-mail intake (src/mail/): sources as URLs (see mail/MailSource.hpp), comma-separated.
    std::string mailSources;
    std::chrono::seconds mailPollInterval{60};
    long long mailMaxAttachmentMegabytes = 25;
    long long mailMaxAttachments = 50;
    int mailMaxAttempts = 5;                     ///< tries of one mail before it is a dead letter
    long long mailRetrySeconds = 60;             ///< first back-off; doubles per attempt, at most an hour
    std::string mailSmtpHost;                    ///< receipts are sent only when set
    int mailSmtpPort = 25;
    std::string mailReceiptFrom;                 ///< default: kommunEmail
    /// required: STARTTLS or no receipt; starttls: STARTTLS when the server offers it; none: in clear.
    std::string mailSmtpTls = "required";
    std::string mailSmtpCaFile;                  ///< PEM CAs for the SMTP server; empty: the system's

    /// OCR worker processes (and document threads): `workers`, or one per core.
    int workerCount() const;

    std::filesystem::path inboxDir() const { return dataDir / "inbox"; }
    /// The store of originals. Content addressed, so several nodes may share one folder
    /// (inkorg.store.dir, e.g. on NFS); empty = <dataDir>/store.
    std::filesystem::path sharedStoreDir;
    std::filesystem::path storeDir() const { return sharedStoreDir.empty() ? dataDir / "store" : sharedStoreDir; }
    std::filesystem::path quarantineDir() const { return dataDir / "quarantine"; }
    std::filesystem::path archiveDir() const { return dataDir / "archive"; }
    /// Where `serve` puts the first administratör's login token (mode 0600) when there are no users.
    std::filesystem::path firstLoginFile() const { return dataDir / "forsta-inloggning.txt"; }
    std::filesystem::path formsDir() const { return shareDir / "forms"; }
    std::filesystem::path schemasDir() const { return shareDir / "schemas"; }
    std::filesystem::path webDir() const { return shareDir / "daemon" / "web"; }
};

/// What the command line may override.
struct Overrides {
    std::optional<std::filesystem::path> configFile;
    std::optional<std::filesystem::path> dataDir;
    std::optional<std::string> databaseUrl;
};

/// The environment variable that, when set and not empty, names the database instead of the
/// configuration file's inkorg.database.url (e.g. to keep a password out of the file: systemd's
/// EnvironmentFile=). The command line's --db wins over both.
inline constexpr const char* kDatabaseUrlVariable = "INKORG_DATABASE_URL";

/// Builds the settings: defaults < configuration file < INKORG_DATABASE_URL < command line. Throws std::runtime_error with a message naming the file and key for an
/// unreadable file, an unknown key or a value of the wrong type.
Settings load(const Overrides& overrides);

/// Every key the configuration file may hold, for documentation and `inkorg config keys`.
std::vector<std::string> knownKeys();

} // namespace inkorg::config
