#pragma once
// Signing a built pack and putting it where kiosks pick it up, so the comms team never types
// a trusted comment or copies two files by hand (docs/content-guide.md "Signing and sending").
#include <filesystem>
#include <string>

namespace evpack {

// The exact trusted comment a kiosk requires for this pack: "everyvoice pack=<id> version=<n>".
std::string trustedCommentFor(const std::filesystem::path& pack);

// Signs pack with a minisign secret key by running stock minisign, which asks for the key's
// password on the terminal when the key has one. Writes PACK.minisig; returns minisign's exit
// status (0 ok). Throws ev::PackError if the pack cannot be read.
int signPack(const std::filesystem::path& pack, const std::filesystem::path& secretKey);

// Copies pack and PACK.minisig into dir, each under a hidden temporary name, fsync'd, then
// renamed: the pack first and the signature last, so a kiosk polling dir never finds a
// signature beside half a pack. Throws ev::FileError or std::runtime_error, one line.
void publishPack(const std::filesystem::path& pack, const std::filesystem::path& dir);

} // namespace evpack
