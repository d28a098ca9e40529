#include "tiegraph/ingest/signal_watcher.h"

#include <pthread.h>
#include <unistd.h>

#include <ctime>

namespace tiegraph::ingest {

SignalWatcher::SignalWatcher(std::atomic<bool>* stop, std::function<void(int)> on_signal)
    : stop_(stop), on_signal_(std::move(on_signal)) {
  sigemptyset(&set_);
  sigaddset(&set_, SIGINT);
  sigaddset(&set_, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set_, &old_);
  thread_ = std::thread([this] { Run(); });
}

SignalWatcher::~SignalWatcher() {
  done_.store(true);
  if (thread_.joinable()) thread_.join();
  // Swallow a signal that came in after the watcher stopped looking, so that
  // unblocking does not kill a process that is ending cleanly.
  timespec zero{0, 0};
  while (sigtimedwait(&set_, nullptr, &zero) > 0) {
  }
  pthread_sigmask(SIG_SETMASK, &old_, nullptr);
}

void SignalWatcher::Run() {
  timespec tick{0, 100 * 1000 * 1000};
  while (!done_.load()) {
    int sig = sigtimedwait(&set_, nullptr, &tick);
    if (sig <= 0) continue;
    if (received_.exchange(sig) != 0) _exit(130);  // second signal: quit now
    stop_->store(true);
    if (on_signal_) on_signal_(sig);
  }
}

}  // namespace tiegraph::ingest
