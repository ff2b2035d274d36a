#include <catch2/catch.hpp>

#include "core/lines.h"

using ev::splitLines;
using V = std::vector<std::string>;

TEST_CASE("splitLines takes LF and CR LF, keeps empty lines, and adds none after a final newline", "[lines]") {
    CHECK(splitLines("") == V{});
    CHECK(splitLines("one") == V{"one"});
    CHECK(splitLines("one\n") == V{"one"});
    CHECK(splitLines("one\r\ntwo\r\n") == V{"one", "two"});
    CHECK(splitLines("a\n\nb") == V{"a", "", "b"});
    CHECK(splitLines("\n") == V{""});
    // A lone CR inside a line is text, as minisign reads it.
    CHECK(splitLines("a\rb\n") == V{"a\rb"});
}
