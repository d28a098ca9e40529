// FuzzInputFile: writes fuzz input bytes to a file with a chosen extension
// in a private temporary folder, so a fuzz target can drive the loader
// through LoadPath exactly as `tiegraph ingest` does. One file per target
// process, overwritten on each input; the folder is removed at exit.
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

namespace tiegraph::fuzz {

class FuzzInputFile {
 public:
  explicit FuzzInputFile(const std::string& extension) {
    std::string pattern = std::filesystem::temp_directory_path().string() + "/tiegraph-fuzz-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    dir_ = pattern;
    path_ = dir_ + "/input" + extension;
  }
  ~FuzzInputFile() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  FuzzInputFile(const FuzzInputFile&) = delete;
  FuzzInputFile& operator=(const FuzzInputFile&) = delete;

  // Replaces the file's contents with data; returns its path.
  const std::string& Write(const uint8_t* data, size_t size) {
    FILE* f = std::fopen(path_.c_str(), "wb");
    if (f == nullptr) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
    std::fclose(f);
    return path_;
  }

 private:
  std::string dir_;
  std::string path_;
};

}  // namespace tiegraph::fuzz
