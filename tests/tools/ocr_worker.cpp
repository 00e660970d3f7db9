// A stand-alone OCR worker for tests (what `inkorg worker` runs): serves runWorker()'s protocol.
#include "text/Worker.hpp"

int main()
{
    return inkorg::text::runWorker();
}
