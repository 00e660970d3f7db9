#pragma once
/// One part of a batch scan to register (Diarium::registerBatch): its own registration, and the
/// file that holds just its pages (the part's searchable PDF/A, in the ContentStore).

#include "diarium/DiariumTypes.hpp"

#include <string>

namespace inkorg::diarium {

struct BatchPart {
    Registration registration;   ///< as for registerDocument; jobId is the batch's job
    std::string sha256;          ///< the part's own file in the store (documents.sha256)
    std::string originalName;    ///< e.g. "skanning.tif, del 2 (sida 3–4)"
    int part = 0;                ///< from 1
    int firstPage = 0;           ///< in the batch file's page numbering
    int lastPage = 0;
};

} // namespace inkorg::diarium
