// A plugin stamped with an SDK version this inkorg does not have: the loader must refuse it.

#include <inkorg/plugin.hpp>

#undef INKORG_SDK_VERSION
#define INKORG_SDK_VERSION 999

namespace {

class WrongSdk : public inkorg::FormPlugin {
public:
    std::string id() const override { return "wrong_sdk"; }
    std::vector<inkorg::ValidationIssue> validate(const inkorg::Record&, const inkorg::FormContext&) const override
    {
        return {};
    }
};

} // namespace

INKORG_PLUGIN(WrongSdk)
