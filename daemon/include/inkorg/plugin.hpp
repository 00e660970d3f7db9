#pragma once
/// The form plugin SDK. A plugin is code that knows one form's rules; what the form looks like on
/// paper is data (forms/<id>/form.json). A plugin includes only headers from this folder, links
/// only libinkorg-sdk, and throws nothing across the boundary: problems are returned as issues.
///
///     class LexSarah : public inkorg::FormPlugin { ... };
///     INKORG_PLUGIN(LexSarah)

#include <inkorg/document.hpp>
#include <inkorg/record.hpp>
#include <inkorg/swedish.hpp>

#include <Poco/ClassLibrary.h>

#include <map>
#include <string>
#include <vector>

/// Bumped whenever anything in daemon/include/inkorg/ changes its binary layout.
#define INKORG_SDK_VERSION 4

namespace inkorg {

/// Riksnorm for one year, kronor per month (socialtjänstförordningen 2 kap. 1 §), split as
/// Socialstyrelsen publishes it: personal costs for adults and for children by age, and the
/// household's common costs by its size.
struct Riksnorm {
    long long ensamstaende = 0;
    long long sambor = 0;
    long long barn11till14 = 0;                  ///< used when children's ages are unknown
    std::vector<long long> gemensamma;           ///< household costs for 1, 2, … persons
    std::map<std::string, long long> barn;       ///< age group ("0", "1-2", … "19-20") → personal costs
    std::string kalla;                           ///< where the table comes from (SFS, Socialstyrelsen)
};

/// The kommun's högsta godtagbara hyra for one year.
struct HyresnormTable {
    std::map<int, long long> perRum;             ///< rum och kök → högsta hyra
    std::string kalla;                           ///< the kommun's decision it comes from
};

/// The configurable tables: riksnorm per year (national), hyresnorm per year of the configured kommun.
struct NormTables {
    std::map<int, Riksnorm> riksnorm;                        ///< year → riksnorm
    std::map<int, HyresnormTable> hyresnorm;                 ///< year → the kommun's table
    std::string kommun;                                      ///< whose hyresnorm (inkorg.kommun.name)
    int lexSarahUtredningArbetsdagar = 10;
};

/// What a plugin knows about the document beyond its record.
struct FormContext {
    swedish::Date received;   ///< inkom datum
    swedish::Date today;
    bool receivedAfterOfficeHours = false;
    const NormTables* norms = nullptr;   ///< never null when called by the host
};

/// A deadline the diarium tracks for a registered document.
struct Deadline {
    std::string kind;    ///< stable id: "utredning", "skyddsbedomning", "forhandsbedomning"
    std::string title;   ///< Swedish, for people: "Skyddsbedömning (SoL 20 kap. 1 §)"
    swedish::Date due;
};

/// What registration of the document entails.
struct RegistrationPlan {
    std::string priority = "normal";   ///< "normal", "brådskande" or "akut"
    std::vector<Deadline> deadlines;
};

/// One form's rules. Implementations must be default-constructible (Poco::ClassLoader).
class FormPlugin {
public:
    virtual ~FormPlugin() = default;

    /// The form id: the plugin folder, the schema's and forms/<id>'s name.
    virtual std::string id() const = 0;

    /// Adjusts the generic extraction before validation (derive or clean fields). Default: none.
    virtual void refine(Record& record, const Document& document, const FormContext& context) const
    {
        (void)record; (void)document; (void)context;
    }

    /// The rules beyond the JSON Schema (FORMS.md): check digits, ages, date order, norms.
    virtual std::vector<ValidationIssue> validate(const Record& record, const FormContext& context) const = 0;

    /// Priority and deadlines on registration. Default: normal, none.
    virtual RegistrationPlan plan(const Record& record, const FormContext& context) const
    {
        (void)record; (void)context;
        return {};
    }
};

} // namespace inkorg

/// Exports `Class` to Poco::ClassLoader and stamps the plugin with the SDK version it was built with.
#define INKORG_PLUGIN(Class)                                                   \
    POCO_BEGIN_MANIFEST(inkorg::FormPlugin)                                    \
    POCO_EXPORT_CLASS(Class)                                                   \
    POCO_END_MANIFEST                                                          \
    extern "C" __attribute__((visibility("default"))) int inkorg_plugin_sdk_version() \
    {                                                                          \
        return INKORG_SDK_VERSION;                                             \
    }
