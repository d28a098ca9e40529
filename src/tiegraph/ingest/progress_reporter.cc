#include "tiegraph/ingest/progress_reporter.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cmath>

#include <fmt/format.h>

namespace tiegraph::ingest {

std::string WithThousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

namespace {

std::string Duration(double seconds) {
  auto s = static_cast<int64_t>(std::llround(seconds));
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
}

}  // namespace

std::string FormatProgress(const ProgressSnapshot& s) {
  double t = s.seconds > 1e-3 ? s.seconds : 1e-3;
  std::string line = fmt::format("{} docs: {} stored, {} skipped, {} failed | {:.1f} docs/s, {} words/s",
                                 WithThousands(s.read), WithThousands(s.stored), WithThousands(s.skipped),
                                 WithThousands(s.failed), static_cast<double>(s.stored) / t,
                                 WithThousands(static_cast<int64_t>(static_cast<double>(s.words) / t)));
  if (s.bytes_total > 0) {
    // Input read so far, scaled by the share of the documents read that are
    // done: the reader runs ahead of the workers by the documents in flight.
    double read = std::min(1.0, static_cast<double>(s.bytes_read) / static_cast<double>(s.bytes_total));
    int64_t handled = std::min(s.read, s.stored + s.skipped + s.failed);
    double done = s.read > 0 ? read * static_cast<double>(handled) / static_cast<double>(s.read) : 0.0;
    line += fmt::format(" | {:.0f}%", done * 100);
    if (done > 0.001 && done < 1.0) line += " ETA " + Duration(s.seconds * (1 - done) / done);
  }
  return line;
}

ProgressReporter::ProgressReporter(std::FILE* out, ProgressMode mode, std::chrono::milliseconds interval,
                                   std::function<ProgressSnapshot()> sample)
    : out_(out), mode_(mode), interval_(interval), sample_(std::move(sample)) {}

ProgressReporter::~ProgressReporter() { Stop(); }

void ProgressReporter::Start() {
  if (mode_ == ProgressMode::kQuiet || thread_.joinable()) return;
  thread_ = std::thread([this] { Run(); });
}

void ProgressReporter::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    stopping_ = true;
    wake_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  if (line_shown_) {
    std::fputs("\r\033[K", out_);
    std::fflush(out_);
    line_shown_ = false;
  }
}

void ProgressReporter::Print(const std::string& line) {
  std::lock_guard<std::mutex> lock(mu_);
  if (line_shown_) std::fputs("\r\033[K", out_);
  std::fputs(line.c_str(), out_);
  std::fputc('\n', out_);
  if (line_shown_) std::fputs(last_status_.c_str(), out_);
  std::fflush(out_);
}

void ProgressReporter::DrawLocked(const std::string& status) {
  if (mode_ == ProgressMode::kTerminal) {
    // A line longer than the terminal would wrap, and "\r" would not erase it.
    last_status_ = status;
    winsize ws{};
    if (ioctl(fileno(out_), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1 && last_status_.size() >= ws.ws_col)
      last_status_.resize(ws.ws_col - 1);
    std::fputs("\r\033[K", out_);
    std::fputs(last_status_.c_str(), out_);
    line_shown_ = true;
  } else {
    std::fputs(status.c_str(), out_);
    std::fputc('\n', out_);
  }
  std::fflush(out_);
}

void ProgressReporter::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!wake_.wait_for(lock, interval_, [&] { return stopping_; })) {
    lock.unlock();
    std::string status = "ingest: " + FormatProgress(sample_());
    lock.lock();
    if (!stopping_) DrawLocked(status);
  }
}

}  // namespace tiegraph::ingest
