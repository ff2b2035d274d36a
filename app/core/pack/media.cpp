#include "core/pack/media.h"

#include <algorithm>

namespace ev {

bool validMediaName(std::string_view name) {
    if (name.empty() || name.size() > 100 || name.front() == '.') return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

std::string_view mediaTypeFor(std::string_view name) {
    if (name.ends_with(".png")) return kPngType;
    if (name.ends_with(".ogg") || name.ends_with(".opus")) return kOggType;
    return {};
}

} // namespace ev
