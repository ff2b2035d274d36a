#pragma once
// For the GL tests: an ImGui context and the kiosk's own window with its GL context (SDL2
// host; Mesa under Xvfb in the suite), current for the test's life.
#include <imgui.h>

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "platform/host.h"

struct GlWindow {
    std::unique_ptr<ev::platform::Host> host = ev::platform::makeSdlHost();
    explicit GlWindow(int width = 64, int height = 64) {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        const std::string error = host->open(ev::platform::WindowOptions{width, height, false, "gl_tests", {}});
        if (!error.empty()) FAIL(error);
    }
    ~GlWindow() {
        host->close();
        ImGui::DestroyContext();
    }
};
