#include "pipeline/Mottagare.hpp"

namespace inkorg::pipeline {

Mottagare mottagareOf(const inkorg::Record& record)
{
    Mottagare mottagare;
    for (const char* key : {"sokande_namn", "rapportor_namn", "anmalare_namn"})
        if (auto name = record.text(key)) {
            mottagare.namn = *name;
            break;
        }
    mottagare.adress = record.text("sokande_adress").value_or("");
    const std::string postort = record.text("sokande_postnummer").value_or("") + " " + record.text("sokande_ort").value_or("");
    if (postort != " ") mottagare.adress += (mottagare.adress.empty() ? "" : "\n") + postort;
    return mottagare;
}

} // namespace inkorg::pipeline
