#include "media/png_writer.h"

#include <png.h>
#include <unistd.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>

namespace ev {

namespace {

struct PngFailure {
    char message[200] = "";
};

void onError(png_structp png, png_const_charp message) {
    auto* failure = static_cast<PngFailure*>(png_get_error_ptr(png));
    std::snprintf(failure->message, sizeof failure->message, "libpng: %s", message);
    png_longjmp(png, 1);
}

void onWarning(png_structp, png_const_charp) {} // nothing libpng warns about spoils a screenshot

// Plain C locals only: libpng reports errors by longjmp, which would skip C++ destructors.
bool encode(std::FILE* out, int w, int h, const std::uint8_t* rgba, PngFailure& failure) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &failure, onError, onWarning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        std::snprintf(failure.message, sizeof failure.message, "libpng: out of memory");
        return false;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_init_io(png, out);
    // Screenshots are many and short-lived (tests take dozens): favour speed over size.
    png_set_compression_level(png, 1);
    png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8, PNG_COLOR_TYPE_RGBA,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < h; ++y) png_write_row(png, rgba + static_cast<std::size_t>(y) * static_cast<std::size_t>(w) * 4);
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

bool writePng(const std::filesystem::path& path, int w, int h, std::span<const std::uint8_t> rgba,
              std::string& error) {
    namespace fs = std::filesystem;
    if (w <= 0 || h <= 0) {
        error = "cannot write an image of " + std::to_string(w) + "x" + std::to_string(h) + " pixels";
        return false;
    }
    const std::size_t expected = static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4;
    if (rgba.size() != expected) {
        error = "got " + std::to_string(rgba.size()) + " bytes of pixels for " + std::to_string(w) + "x" +
                std::to_string(h) + " RGBA, expected " + std::to_string(expected);
        return false;
    }
    if (path.filename().empty()) {
        error = "'" + path.string() + "' is not a file name";
        return false;
    }
    // The rename below would replace whatever is there: only ever replace a file.
    if (std::error_code ec; fs::exists(fs::symlink_status(path, ec)) && !fs::is_regular_file(fs::symlink_status(path, ec))) {
        error = "'" + path.string() + "' exists and is not a regular file";
        return false;
    }
    fs::path temp = path;
    temp.replace_filename("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));

    std::FILE* out = std::fopen(temp.c_str(), "wb");
    if (!out) {
        error = "cannot create " + path.string() + ": " + std::strerror(errno);
        return false;
    }
    PngFailure failure;
    const bool encoded = encode(out, w, h, rgba.data(), failure);
    // A full disk shows up as a libpng "Write Error"; errno says which, so report that first.
    const bool flushed = std::fflush(out) == 0 && !std::ferror(out);
    const int flushErrno = errno;
    const bool closed = std::fclose(out) == 0;
    const int closeErrno = errno;
    std::error_code ec;
    if (!flushed || !closed) {
        error = "cannot write " + path.string() + ": " + std::strerror(flushed ? closeErrno : flushErrno);
    } else if (!encoded) {
        error = failure.message;
    } else if (fs::rename(temp, path, ec); ec) {
        error = "cannot rename " + temp.string() + " to " + path.string() + ": " + ec.message();
    } else {
        return true;
    }
    fs::remove(temp, ec);
    return false;
}

} // namespace ev
