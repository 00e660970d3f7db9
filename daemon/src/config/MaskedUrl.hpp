#pragma once
/// Connection URLs as they may appear in logs and status output: the password replaced by ****.

#include <string>

namespace inkorg::config {

/// "postgresql://user:secret@host/db" → "postgresql://user:****@host/db"; other URLs unchanged.
std::string maskUrlPassword(const std::string& url);

} // namespace inkorg::config
