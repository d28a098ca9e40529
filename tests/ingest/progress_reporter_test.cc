#include "tiegraph/ingest/progress_reporter.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <thread>

namespace tiegraph::ingest {
namespace {

std::string ReadAll(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  char buf[512];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return out;
}

TEST(FormatProgress, RatesPercentAndEta) {
  ProgressSnapshot s;
  s.read = 1250;
  s.stored = 1200;
  s.skipped = 40;
  s.failed = 10;
  s.words = 600000;
  s.bytes_read = 25;
  s.bytes_total = 100;
  s.seconds = 10;
  std::string line = FormatProgress(s);
  EXPECT_NE(line.find("1,250 docs"), std::string::npos) << line;
  EXPECT_NE(line.find("1,200 stored"), std::string::npos) << line;
  EXPECT_NE(line.find("40 skipped"), std::string::npos) << line;
  EXPECT_NE(line.find("10 failed"), std::string::npos) << line;
  EXPECT_NE(line.find("120.0 docs/s"), std::string::npos) << line;
  EXPECT_NE(line.find("60,000 words/s"), std::string::npos) << line;
  EXPECT_NE(line.find("25%"), std::string::npos) << line;
  EXPECT_NE(line.find("ETA 30s"), std::string::npos) << line;  // 10 s for 25%: 30 s to go
}

TEST(FormatProgress, DocumentsInFlightAreNotCountedDone) {
  ProgressSnapshot s;
  s.read = 100;  // read, of which 50 stored: half the input read is done
  s.stored = 50;
  s.bytes_read = 40;
  s.bytes_total = 100;
  s.seconds = 20;
  std::string line = FormatProgress(s);
  EXPECT_NE(line.find("20%"), std::string::npos) << line;
  EXPECT_NE(line.find("ETA 1m20s"), std::string::npos) << line;
}

TEST(FormatProgress, NoEtaWithoutTotal) {
  ProgressSnapshot s;
  s.read = 3;
  s.seconds = 2;
  EXPECT_EQ(FormatProgress(s).find("ETA"), std::string::npos);
  EXPECT_EQ(FormatProgress(s).find('%'), std::string::npos);
}

TEST(WithThousands, Groups) {
  EXPECT_EQ(WithThousands(0), "0");
  EXPECT_EQ(WithThousands(999), "999");
  EXPECT_EQ(WithThousands(1000), "1,000");
  EXPECT_EQ(WithThousands(12345678), "12,345,678");
  EXPECT_EQ(WithThousands(-4200), "-4,200");
}

TEST(ProgressReporter, PlainLinesArePeriodic) {
  std::FILE* f = std::tmpfile();
  int64_t calls = 0;
  {
    ProgressReporter r(f, ProgressMode::kLines, std::chrono::milliseconds(20), [&] {
      ProgressSnapshot s;
      s.read = ++calls;
      s.seconds = 1;
      return s;
    });
    r.Start();
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    r.Print("tiegraph ingest: a.txt: empty file");
    r.Stop();
  }
  std::string out = ReadAll(f);
  std::fclose(f);
  EXPECT_GE(calls, 3);
  EXPECT_EQ(out.find('\r'), std::string::npos) << "plain mode must not redraw lines";
  EXPECT_NE(out.find("docs/s"), std::string::npos);
  EXPECT_NE(out.find("a.txt: empty file\n"), std::string::npos);
}

TEST(ProgressReporter, QuietPrintsOnlyMessages) {
  std::FILE* f = std::tmpfile();
  {
    ProgressReporter r(f, ProgressMode::kQuiet, std::chrono::milliseconds(5), [] { return ProgressSnapshot{}; });
    r.Start();
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    r.Print("error line");
  }
  EXPECT_EQ(ReadAll(f), "error line\n");
  std::fclose(f);
}

TEST(ProgressReporter, TerminalRedrawsOneLineAndClearsIt) {
  std::FILE* f = std::tmpfile();
  {
    ProgressReporter r(f, ProgressMode::kTerminal, std::chrono::milliseconds(10), [] {
      ProgressSnapshot s;
      s.read = 5;
      s.seconds = 1;
      return s;
    });
    r.Start();
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    r.Print("oops");
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  std::string out = ReadAll(f);
  std::fclose(f);
  EXPECT_NE(out.find("\r\033[K"), std::string::npos);
  EXPECT_NE(out.find("oops\n"), std::string::npos);
  size_t last_clear = out.rfind("\r\033[K");
  EXPECT_EQ(last_clear + 4, out.size()) << "the status line is not cleared at the end";
}

}  // namespace
}  // namespace tiegraph::ingest
