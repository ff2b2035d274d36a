#include "text/layout_cache.h"

#include "text/paragraph.h"

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

std::size_t LayoutCache::bytesOf(const Entry& e) {
    const Paragraph& p = *e.paragraph;
    return sizeof(Entry) + sizeof(Paragraph) + e.key.capacity() + p.glyphs.capacity() * sizeof(PlacedGlyph) +
           p.boxes.capacity() * sizeof(TagBox);
}

std::shared_ptr<const Paragraph> LayoutCache::find(const std::string& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->paragraph;
}

void LayoutCache::put(std::string key, std::shared_ptr<const Paragraph> paragraph) {
    if (auto it = index_.find(key); it != index_.end()) {
        bytes_ -= bytesOf(*it->second);
        it->second->paragraph = std::move(paragraph);
        bytes_ += bytesOf(*it->second);
        entries_.splice(entries_.begin(), entries_, it->second);
        return;
    }
    entries_.push_front(Entry{std::move(key), std::move(paragraph)});
    index_.emplace(entries_.front().key, entries_.begin());
    bytes_ += bytesOf(entries_.front());
    if (entries_.size() > capacity_) {
        bytes_ -= bytesOf(entries_.back());
        index_.erase(entries_.back().key);
        entries_.pop_back();
    }
}

} // namespace ev::text
