// counts_year DIR [KIOSKS]: makes DIR/kiosk-01 ... state folders, each with a kiosk.toml and a
// counts.sqlite holding a year of hourly counts (2024, open 08:00-18:00 UTC every day, about a
// dozen rows an hour), for tools/bench.sh to time counts export, merge and report on.
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/counts/counts.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: counts_year DIR [KIOSKS]\n");
        return 2;
    }
    const int kiosks = argc > 2 ? std::atoi(argv[2]) : 50;
    const char* events[] = {"session_start", "language_selected", "audience_selected", "page_view", "help_view",
                            "signpost_view", "qr_shown", "feedback", "audio_played", "quick_exit", "idle_reset"};
    const char* pages[] = {"signs-to-notice", "what-is-child-sexual-abuse", "people-you-can-tell", "sunrise-hub",
                           "online-safety-for-families", "your-body-belongs-to-you"};
    const char* locales[] = {"en", "bn", "ur", "pl", "ro", "lt", "pa", "so", "yo", "pt"};
    const char* audiences[] = {"child", "parent", "community"};
    const char* details[] = {"childline", "nspcc", "stop-it-now", "sunrise-hub"};
    constexpr std::int64_t kFirstHour = 1704067200 / 3600; // 2024-01-01 00:00 UTC
    std::mt19937 rng(42);
    std::uint64_t rows = 0;
    for (int k = 1; k <= kiosks; ++k) {
        char name[32];
        std::snprintf(name, sizeof name, "kiosk-%02d", k);
        const fs::path dir = fs::path(argv[1]) / name;
        fs::create_directories(dir);
        char id[33];
        std::snprintf(id, sizeof id, "%08x%08x%08x%08x", unsigned(rng()), unsigned(rng()), unsigned(rng()), unsigned(rng()));
        std::ofstream(dir / "kiosk.toml") << "install_id = '" << id << "'\nvenue = 'Venue " << k << "'\n";
        sqlite3* db = nullptr;
        if (sqlite3_open((dir / "counts.sqlite").c_str(), &db) != SQLITE_OK) return 1;
        const std::string setup = std::string(ev::Counter::kSchema) + "; PRAGMA user_version=" +
                                  std::to_string(ev::Counter::kSchemaVersion) + "; PRAGMA journal_mode=WAL; BEGIN";
        sqlite3_exec(db, setup.c_str(), nullptr, nullptr, nullptr);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO counts VALUES(?, ?, 'default', ?, ?, ?, ?, ?)", -1, &st, nullptr);
        for (int day = 0; day < 366; ++day) {
            for (int h = 8; h < 18; ++h) {
                for (int r = 0; r < 12; ++r) {
                    const char* e = events[rng() % 11];
                    const std::string_view ev = e;
                    const bool paged = ev == "page_view" || ev == "feedback" || ev == "audio_played";
                    const bool detailed = ev == "signpost_view" || ev == "qr_shown";
                    sqlite3_bind_int64(st, 1, kFirstHour + day * 24 + h);
                    sqlite3_bind_text(st, 2, e, -1, SQLITE_STATIC);
                    sqlite3_bind_text(st, 3, paged ? pages[rng() % 6] : "", -1, SQLITE_STATIC);
                    sqlite3_bind_text(st, 4, locales[rng() % 10], -1, SQLITE_STATIC);
                    sqlite3_bind_text(st, 5, audiences[rng() % 3], -1, SQLITE_STATIC);
                    sqlite3_bind_text(st, 6, ev == "feedback" ? (rng() % 4 ? "helpful" : "not_helpful")
                                             : detailed        ? details[rng() % 4] : "", -1, SQLITE_STATIC);
                    sqlite3_bind_int64(st, 7, 1 + rng() % 30);
                    sqlite3_step(st);
                    sqlite3_reset(st);
                    rows += sqlite3_changes(db);
                }
            }
        }
        sqlite3_finalize(st);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    std::printf("%d kiosks, %llu rows\n", kiosks, static_cast<unsigned long long>(rows));
    return 0;
}
