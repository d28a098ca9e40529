// The loader's streaming and size limits, as the ingest relies on them.
#include "tiegraph/text/loader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace tiegraph {
namespace {
namespace fs = std::filesystem;

class LoaderLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tiegraph_limits_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }
  void Load(const std::string& path, size_t max_bytes) {
    LoadOptions options;
    options.max_document_bytes = max_bytes;
    options.bytes_read = &bytes_read_;
    LoadFile(path, options, [&](Document&& d) { docs_.push_back(std::move(d)); },
             [&](const Status& s) { errors_.push_back(s.message()); });
  }
  fs::path dir_;
  std::vector<Document> docs_;
  std::vector<std::string> errors_;
  std::atomic<uint64_t> bytes_read_{0};
};

TEST(FindDocumentCut, PrefersParagraphThenLineThenSentenceThenWord) {
  EXPECT_EQ(FindDocumentCut("short", 10), 5u);
  EXPECT_EQ(FindDocumentCut("aaaaaa\n\nbbb\nccccccc", 14), 8u);   // after the blank line
  EXPECT_EQ(FindDocumentCut("aaaaaaaa\nbbb ccccccc", 14), 9u);    // after the newline
  EXPECT_EQ(FindDocumentCut("aaaaa. bbbbbbb cccc", 10), 7u);      // after ". "
  EXPECT_EQ(FindDocumentCut("aaa bbbbbb cccccccc", 12), 11u);     // after a space
  // No boundary in the window: never inside a UTF-8 character.
  std::string e_acute = "\xC3\xA9";
  std::string text;
  for (int i = 0; i < 10; ++i) text += e_acute;
  size_t cut = FindDocumentCut(text, 5);
  EXPECT_EQ(cut, 4u);
  // Too early a boundary (under half the window) is not taken.
  EXPECT_EQ(FindDocumentCut("a\n" + std::string(30, 'x'), 20), 20u);
}

TEST(EstimateHtmlDepth, CountsNestingNotScriptsOrVoidElements) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  EXPECT_GT(EstimateHtmlDepth(deep, kMaxHtmlDepth + 1), kMaxHtmlDepth);
  std::string flat = "<html><body>";
  for (int i = 0; i < 5000; ++i) flat += "<div><p>para<br><img src=x><script>var a='<div><div>';</script></div>";
  flat += "</body></html>";
  EXPECT_LE(EstimateHtmlDepth(flat, kMaxHtmlDepth + 1), 4);
  std::string scripts;  // an end tag of a script must not count as closing an element
  for (int i = 0; i < 100; ++i) scripts += "<div><script>x</script>";
  EXPECT_EQ(EstimateHtmlDepth(scripts, 1000), 100);
  EXPECT_EQ(EstimateHtmlDepth("<!-- <div><div> --><div></div>", 10), 1);
}

TEST_F(LoaderLimitsTest, LongTextIsSplitIntoPartsKeepingEveryByte) {
  std::string text;
  for (int i = 0; text.size() < 300000; ++i) text += "Paragraph " + std::to_string(i) + " says Putin met Orban.\n\n";
  std::string path = Write("long.txt", text);
  Load(path, 65536);
  ASSERT_TRUE(errors_.empty()) << errors_[0];
  ASSERT_GE(docs_.size(), 5u);
  std::string joined;
  for (size_t i = 0; i < docs_.size(); ++i) {
    EXPECT_LE(docs_[i].text.size(), 65536u);
    EXPECT_EQ(docs_[i].source, path + "#part-" + std::to_string(i + 1));
    EXPECT_EQ(docs_[i].text.substr(docs_[i].text.size() - 2), "\n\n") << "not cut at a paragraph end";
    joined += docs_[i].text;
  }
  EXPECT_EQ(joined, text);
  EXPECT_EQ(bytes_read_.load(), text.size());
}

TEST_F(LoaderLimitsTest, ShortTextIsOneDocumentAsBefore) {
  std::string path = Write("short.txt", "Putin met Orban.\n");
  Load(path, 65536);
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].source, path);
  EXPECT_EQ(docs_[0].title, "Putin met Orban.");
}

TEST_F(LoaderLimitsTest, InvalidUtf8InALaterPartNamesTheFileOffset) {
  std::string text(100000, 'a');
  for (size_t i = 80; i < text.size(); i += 81) text[i] = ' ';
  text[90000] = '\xFF';
  Load(Write("bad.txt", text), 32768);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("bad.txt: invalid UTF-8 at byte 90000"), std::string::npos) << errors_[0];
  EXPECT_GE(docs_.size(), 2u);  // the parts before it
}

TEST_F(LoaderLimitsTest, OverlongJsonLineIsRefusedAndTheNextRecordLoaded) {
  std::string big(200000, 'x');
  std::string path = Write("r.jsonl", "{\"id\":\"big\",\"text\":\"" + big + "\"}\n{\"id\":\"ok\",\"text\":\"Putin met Orban.\"}\n");
  Load(path, 16384);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("r.jsonl:1: line of"), std::string::npos) << errors_[0];
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].source, path + "#ok");
}

TEST_F(LoaderLimitsTest, RecordOverTheLimitIsRefused) {
  std::string path = Write("r.jsonl", "{\"id\":\"big\",\"text\":\"" + std::string(5000, 'y') + "\"}\n");
  Load(path, 4096);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("r.jsonl:1: text of"), std::string::npos) << errors_[0];
}

TEST_F(LoaderLimitsTest, GzipIsStreamedLikePlainText) {
  std::string text;
  for (int i = 0; text.size() < 100000; ++i) text += "Line " + std::to_string(i) + " of the archive.\n";
  std::string path = (dir_ / "a.txt.gz").string();
  gzFile gz = gzopen(path.c_str(), "wb");
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  Load(path, 32768);
  ASSERT_TRUE(errors_.empty());
  std::string joined;
  for (auto& d : docs_) joined += d.text;
  EXPECT_EQ(joined, text);
  EXPECT_EQ(bytes_read_.load(), fs::file_size(path)) << "progress counts compressed bytes on disk";
}

TEST_F(LoaderLimitsTest, CancelStopsLoading) {
  std::string text;
  for (int i = 0; text.size() < 200000; ++i) text += "Sentence " + std::to_string(i) + ".\n";
  std::string path = Write("c.txt", text);
  std::atomic<bool> cancel{false};
  LoadOptions options;
  options.max_document_bytes = 8192;
  options.cancel = &cancel;
  int n = 0;
  LoadFile(path, options, [&](Document&&) { if (++n == 3) cancel = true; }, [](const Status&) {});
  EXPECT_EQ(n, 3);
}

TEST_F(LoaderLimitsTest, ListInputsReportsLinkLoopsAndDoesNotFollowFolderLinks) {
  fs::create_directories(dir_ / "tree" / "sub");
  Write("tree/a.txt", "A.");
  Write("tree/sub/b.txt", "B.");
  fs::create_symlink("loop2", dir_ / "tree" / "loop1");
  fs::create_symlink("loop1", dir_ / "tree" / "loop2");
  fs::create_directory_symlink("..", dir_ / "tree" / "sub" / "up");
  fs::create_symlink("a.txt", dir_ / "tree" / "link.txt");
  std::vector<InputFile> files;
  std::vector<std::string> errors;
  Status s = ListInputs((dir_ / "tree").string(), &files, [&](const Status& e) { errors.push_back(e.message()); });
  ASSERT_TRUE(s.ok());
  std::vector<std::string> names;
  for (auto& f : files) names.push_back(fs::path(f.path).lexically_relative(dir_ / "tree").string());
  EXPECT_EQ(names, (std::vector<std::string>{"a.txt", "link.txt", "sub/b.txt"}));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("looping symbolic link"), std::string::npos) << errors[0];
  EXPECT_EQ(files[0].size, 2u);
}

}  // namespace
}  // namespace tiegraph
