#include "text/layout_cache.h"

#include <cstring>

namespace ev::text {

namespace {

template <typename T> void append(std::string& out, const T& value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

} // namespace

std::string LayoutCache::key(std::span<const Run> runs, const ParagraphSpec& spec) {
    std::string k;
    append(k, spec.maxWidth);
    append(k, spec.align);
    append(k, spec.direction);
    append(k, spec.lineSpacing);
    append(k, spec.language.size());
    k += spec.language;
    for (const Run& r : runs) {
        append(k, r.style.sizePx);
        append(k, r.style.weight);
        append(k, r.tag);
        append(k, r.utf8.size());
        k += r.utf8;
    }
    return k;
}

std::shared_ptr<const Paragraph> LayoutCache::find(const std::string& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->paragraph;
}

void LayoutCache::put(std::string key, std::shared_ptr<const Paragraph> paragraph) {
    if (auto it = index_.find(key); it != index_.end()) {
        it->second->paragraph = std::move(paragraph);
        entries_.splice(entries_.begin(), entries_, it->second);
        return;
    }
    entries_.push_front(Entry{std::move(key), std::move(paragraph)});
    index_.emplace(entries_.front().key, entries_.begin());
    if (entries_.size() > capacity_) {
        index_.erase(entries_.back().key);
        entries_.pop_back();
    }
}

} // namespace ev::text
