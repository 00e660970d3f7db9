#include "text/WorkerPages.hpp"

#include <algorithm>
#include <stdexcept>

namespace inkorg::text {
namespace {

std::size_t pixelBytesOf(PIX* image)
{
    return std::size_t(pixGetWpl(image)) * 4u * std::size_t(pixGetHeight(image));
}

} // namespace

std::size_t WorkerPages::pixelBytes() const
{
    std::size_t bytes = 0;
    for (const auto& each : held_) bytes += pixelBytesOf(each.image.get());
    return bytes;
}

void WorkerPages::keep(std::string encoded, PixPtr image)
{
    if (encoded.empty() || !image) return;
    std::erase_if(held_, [&](const Held& each) { return each.encoded == encoded; });
    held_.push_back({std::move(encoded), std::move(image)});
    // The newest stays even alone over the limit: page() hands it out.
    while (held_.size() > 1 && (held_.size() > kHeldPages || pixelBytes() > kHeldPixelBytes)) held_.pop_front();
}

PIX* WorkerPages::page(const std::string& encoded, bool& decoded)
{
    const auto found = std::find_if(held_.begin(), held_.end(), [&](const Held& each) { return each.encoded == encoded; });
    decoded = found == held_.end();
    if (!decoded) return found->image.get();
    PixPtr image{pixReadMem(reinterpret_cast<const l_uint8*>(encoded.data()), encoded.size())};
    if (!image) throw std::invalid_argument("reread: the page image is no PNG or JPEG");
    PIX* page = image.get();
    keep(encoded, std::move(image));
    return page;
}

} // namespace inkorg::text
