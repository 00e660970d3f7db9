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

} // namespace inkorg::test
