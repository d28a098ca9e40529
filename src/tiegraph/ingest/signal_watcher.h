// SignalWatcher: turns Ctrl-C (SIGINT) and SIGTERM into a stop request for a
// long job instead of killing the process mid-write.
// While a watcher lives, both signals are blocked in the creating thread and
// in every thread it starts afterwards; a watcher thread waits for them. The
// first sets *stop and calls on_signal (e.g. to print "finishing ..."); a
// second one ends the process at once with status 130 (SQLite stays
// consistent: every document is its own transaction). Create it before any
// worker thread. The destructor restores the previous signal mask.
#pragma once

#include <atomic>
#include <functional>
#include <signal.h>
#include <thread>

namespace tiegraph::ingest {

class SignalWatcher {
 public:
  SignalWatcher(std::atomic<bool>* stop, std::function<void(int signal)> on_signal);
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

  // The signal received (SIGINT, SIGTERM), 0 if none.
  int received() const { return received_.load(); }

 private:
  void Run();
  std::atomic<bool>* stop_;
  std::function<void(int)> on_signal_;
  std::atomic<int> received_{0};
  std::atomic<bool> done_{false};
  sigset_t set_{}, old_{};
  std::thread thread_;
};

}  // namespace tiegraph::ingest
