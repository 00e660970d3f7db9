#pragma once
/// The cleaned pages an OCR worker holds for "reread" requests (WorkerProtocol, LineReread): the
/// pages it handed over last (its own pixels, as they were before they were encoded) and the
/// pages it decoded for a reread. A page's rereads — the second readings of its values, and the
/// third for those they left undecided — then decode it at most once in a worker, and not at all
/// in the worker that read it, which the host asks first (WorkerPool's preferred worker): decoding
/// an A4 page's JPEG took 21–26 ms of a form page's ~75 ms of rereads.
///
/// A page is known by the bytes the host was handed and sends back (compared whole, so a request
/// can only name a page by its exact bytes). At most kHeldPages pages of at most kHeldPixelBytes
/// together are held; the oldest goes first. A worker's own copy holds the pixels before JPEG's
/// loss: the reread of a page the worker no longer holds reads the decoded JPEG, whose pixels
/// differ from them by that loss (quality 75).

#include "text/Leptonica.hpp"

#include <cstddef>
#include <deque>
#include <string>

namespace inkorg::text {

inline constexpr std::size_t kHeldPages = 3;
/// Three grey A4 pages at 300 dpi (8.7 MB each) and some; a colour page counts four times.
inline constexpr std::size_t kHeldPixelBytes = 40u << 20;

class WorkerPages {
public:
    /// Holds `image` as the page `encoded` stands for (the bytes the host was handed); the newest
    /// page is held even when it alone is larger than kHeldPixelBytes.
    void keep(std::string encoded, PixPtr image);

    /// The page `encoded` stands for, held or decoded (and then held); `decoded` says whether it
    /// was decoded for this call. Throws std::invalid_argument when the bytes are no image. The
    /// pointer is valid until the next keep() or page().
    PIX* page(const std::string& encoded, bool& decoded);

private:
    struct Held {
        std::string encoded;
        PixPtr image;
    };
    std::size_t pixelBytes() const;
    std::deque<Held> held_;   ///< the newest last
};

} // namespace inkorg::text
