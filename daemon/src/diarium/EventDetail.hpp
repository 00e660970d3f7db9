#pragma once
/// Internal: the detail JSON of an event, built key by key in insertion order.
///
///     EventDetail().set("diarienummer", dnr).set("jobId", id).text()

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>
#include <string>

namespace inkorg::diarium {

class EventDetail {
public:
    EventDetail() : object_(new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER)) {}

    template <class T> EventDetail& set(const std::string& key, const T& value)
    {
        object_->set(key, value);
        return *this;
    }
    EventDetail& set(const std::string& key, const EventDetail& nested)
    {
        object_->set(key, nested.object_);
        return *this;
    }
    /// Stores JSON text as JSON (or as a string when it does not parse).
    EventDetail& setJson(const std::string& key, const std::string& jsonText)
    {
        try {
            object_->set(key, Poco::JSON::Parser().parse(jsonText));
        } catch (const Poco::Exception&) {
            object_->set(key, jsonText);   // kept verbatim: the event must record what was there
        }
        return *this;
    }
    bool empty() const { return object_->size() == 0; }
    std::string text() const
    {
        std::ostringstream out;
        object_->stringify(out);
        return out.str();
    }

private:
    Poco::JSON::Object::Ptr object_;
};

} // namespace inkorg::diarium
