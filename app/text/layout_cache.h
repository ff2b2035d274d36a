#pragma once
// Laid-out paragraphs by their input, least recently used dropped first.
#include "text/types.h"

#include <list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ev::text {

class LayoutCache {
public:
    explicit LayoutCache(std::size_t capacity) : capacity_(capacity ? capacity : 1) {}

    // Everything that changes a layout: each run's text, style and tag, and the spec.
    static std::string key(std::span<const Run> runs, const ParagraphSpec& spec);

    std::shared_ptr<const Paragraph> find(const std::string& key);
    void put(std::string key, std::shared_ptr<const Paragraph> paragraph);

    std::size_t size() const { return entries_.size(); }
    // The heap the cached paragraphs and their keys hold, bytes (the nodes of the list and
    // index and the allocator's overhead not counted).
    std::size_t bytes() const { return bytes_; }

private:
    struct Entry {
        std::string key;
        std::shared_ptr<const Paragraph> paragraph;
    };
    static std::size_t bytesOf(const Entry& e);
    std::size_t capacity_;
    std::size_t bytes_ = 0;
    std::list<Entry> entries_; // most recently used first
    std::unordered_map<std::string_view, std::list<Entry>::iterator> index_; // views into entries_' keys
};

} // namespace ev::text
