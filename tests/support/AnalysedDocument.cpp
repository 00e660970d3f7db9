#include "support/AnalysedDocument.hpp"

#include "validate/NormTables.hpp"

#include <filesystem>

namespace inkorg::test {

forms::Analysis analysedDocument(const Document& document)
{
    namespace fs = std::filesystem;
    static const forms::FormCatalog catalog(fs::path(INKORG_SOURCE_DIR) / "forms", fs::path(INKORG_SOURCE_DIR) / "schemas",
                                            INKORG_PLUGIN_DIR);
    static const NormTables norms =
        validate::loadNormTables(fs::path(INKORG_SOURCE_DIR) / "forms" / "norms.json", "Vetlanda kommun");
    FormContext context;
    context.received = context.today = swedish::today();
    context.norms = &norms;
    return forms::analyse(document, catalog, context);
}

std::string issuesOn(const forms::Analysis& analysis, const std::string& key)
{
    std::string out;
    for (const auto& issue : analysis.issues)
        if (issue.field == key)
            out += std::string(issue.severity == Severity::Error ? "error:" : "warning:") + issue.code + " ";
    return out;
}

} // namespace inkorg::test
