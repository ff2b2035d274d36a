#include "media/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <string>

namespace ev {

std::optional<QrCode> QrCode::encode(std::string_view text) {
    const std::string s(text); // libqrencode wants a NUL-terminated string
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) return std::nullopt;
    QrCode out;
    out.size_ = code->width;
    out.modules_.resize(static_cast<std::size_t>(code->width) * code->width);
    // Bit 0 of each byte is the module's colour; the other bits say how it was made.
    for (std::size_t i = 0; i < out.modules_.size(); ++i) out.modules_[i] = code->data[i] & 1;
    return out;
}

} // namespace ev
