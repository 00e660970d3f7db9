#pragma once
/// RAII for GMime/GLib objects, and the one-time library set-up. Internal to src/mail/.

#include <gmime/gmime.h>

#include <memory>
#include <string>

namespace inkorg::mail::gmime {

struct ObjectUnref {
    void operator()(gpointer object) const { if (object) g_object_unref(object); }
};
template <class T> using Ref = std::unique_ptr<T, ObjectUnref>;

struct FreeText {
    void operator()(char* text) const { g_free(text); }
};
using Text = std::unique_ptr<char, FreeText>;

/// g_mime_init() once per process, with UTF-8 and Windows-1252 as the charsets tried for raw
/// 8-bit header text.
void ensureInitialised();

/// The bytes written to a memory stream by `write(stream)`.
template <class Write> std::string bytesOf(Write&& write)
{
    Ref<GMimeStream> stream(g_mime_stream_mem_new());
    write(stream.get());
    GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    return array ? std::string(reinterpret_cast<const char*>(array->data), array->len) : std::string();
}

/// "" for a null C string.
inline std::string text(const char* value) { return value ? std::string(value) : std::string(); }

} // namespace inkorg::mail::gmime
