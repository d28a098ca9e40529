// ProgressReporter: shows how far an ingest is, on stderr.
//   kTerminal: one line redrawn in place every `interval` (documents, stored,
//              skipped, failed, docs/s, words/s, percent and ETA when the
//              input size is known), cut to the terminal's width;
//   kLines:    the same as plain lines every `interval` (logs, redirected stderr);
//   kQuiet:    nothing.
// A background thread samples the counters through `sample`. Print() writes a
// message line (an error) without tearing the status line. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace tiegraph::ingest {

enum class ProgressMode { kQuiet, kLines, kTerminal };

struct ProgressSnapshot {
  int64_t read = 0, stored = 0, skipped = 0, failed = 0;
  int64_t words = 0;           // words of the documents stored
  uint64_t bytes_read = 0;     // input bytes consumed
  uint64_t bytes_total = 0;    // 0 = unknown
  double seconds = 0;          // since the start
};

// "1,204 docs: 1,180 stored, 20 skipped, 4 failed | 95.3 docs/s, 48,210 words/s | 41% ETA 2m10s"
std::string FormatProgress(const ProgressSnapshot& s);

// "12,345,678"
std::string WithThousands(int64_t n);

class ProgressReporter {
 public:
  ProgressReporter(std::FILE* out, ProgressMode mode, std::chrono::milliseconds interval,
                   std::function<ProgressSnapshot()> sample);
  ~ProgressReporter();  // Stop()
  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;

  // Starts the sampling thread (no-op when quiet).
  void Start();
  // Stops it and clears the terminal line. Idempotent.
  void Stop();
  // One message line (any mode, quiet included).
  void Print(const std::string& line);

 private:
  void Run();
  void DrawLocked(const std::string& status);

  std::FILE* out_;
  const ProgressMode mode_;
  const std::chrono::milliseconds interval_;
  std::function<ProgressSnapshot()> sample_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool line_shown_ = false;  // a terminal status line is on screen
  std::string last_status_;
  std::thread thread_;
};

}  // namespace tiegraph::ingest
