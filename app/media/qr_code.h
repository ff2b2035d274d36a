#pragma once
// QR codes for the help cards' take-away links, encoded with libqrencode. Only the module
// grid: drawing it is the UI's business.
#include <optional>
#include <string_view>
#include <vector>

namespace ev {

class QrCode {
public:
    // Error correction level M (15%): a code printed on a screen loses little, and M keeps
    // the modules large for a given area. nullopt if the text cannot be encoded.
    static std::optional<QrCode> encode(std::string_view text);

    int size() const { return size_; } // modules per side, without the quiet zone
    bool dark(int x, int y) const { return modules_[static_cast<std::size_t>(y * size_ + x)]; }
    // The light margin scanners need around the code, in modules (ISO/IEC 18004).
    static constexpr int kQuietZone = 4;

private:
    int size_ = 0;
    std::vector<bool> modules_;
};

} // namespace ev
