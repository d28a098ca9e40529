#include "tiegraph/text/loader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "tiegraph/text/html.h"
#include "tiegraph/text/normalize.h"

namespace tiegraph {
namespace {
namespace fs = std::filesystem;

class LoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tiegraph_loader_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    auto p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  void Load(const std::string& path) {
    docs_.clear();
    errors_.clear();
    status_ = LoadPath(path, LoadOptions{"2022-03-01"}, [&](Document&& d) { docs_.push_back(std::move(d)); },
                       [&](const Status& s) { errors_.push_back(s.message()); });
  }
  fs::path dir_;
  std::vector<Document> docs_;
  std::vector<std::string> errors_;
  Status status_;
};

TEST_F(LoaderTest, PlainTextIsNormalisedAndHashed) {
  // "e" + combining acute -> NFC "é"; CRLF -> LF.
  Load(Write("a.txt", "Me\xCC\x81lenchon spoke.\r\nThen left.\r\n"));
  ASSERT_TRUE(status_.ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].text, "M\xC3\xA9lenchon spoke.\nThen left.\n");
  EXPECT_EQ(docs_[0].id, ContentHash(docs_[0].text));
  EXPECT_EQ(docs_[0].published, "2022-03-01");
  EXPECT_EQ(docs_[0].id.size(), 32u);
}

TEST_F(LoaderTest, InvalidUtf8NamesFileAndOffset) {
  Load(Write("bad.txt", std::string("Hello \xC3\x28 world")));
  EXPECT_TRUE(docs_.empty());
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("bad.txt"), std::string::npos);
  EXPECT_NE(errors_[0].find("byte 6"), std::string::npos);
}

TEST_F(LoaderTest, EmptyBinaryAndMissing) {
  Load(Write("empty.txt", ""));
  EXPECT_TRUE(docs_.empty());
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("empty"), std::string::npos);
  Load(Write("img.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("binary"), std::string::npos);
  Load((dir_ / "nope.txt").string());
  EXPECT_FALSE(status_.ok());
  EXPECT_NE(status_.message().find("nope.txt"), std::string::npos);
}

TEST_F(LoaderTest, Utf16WithBomIsDecoded) {
  std::string bytes = "\xFF\xFE";
  for (char c : std::string("Hi there")) { bytes.push_back(c); bytes.push_back('\0'); }
  Load(Write("u16.txt", bytes));
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].text, "Hi there");
}

TEST_F(LoaderTest, JsonLinesGoOnPastBadRecords) {
  Load(Write("a.jsonl",
             "{\"id\":\"x1\",\"title\":\"T\",\"published\":\"2021-05-06T10:00:00Z\",\"url\":\"http://e/1\","
             "\"text\":\"Putin met Xi.\"}\n"
             "{not json\n"
             "{\"id\":\"x3\",\"text\":42}\n"
             "\n"
             "{\"id\":\"x4\",\"text\":\"Second one.\"}\n"));
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[0].title, "T");
  EXPECT_EQ(docs_[0].published, "2021-05-06");
  EXPECT_EQ(docs_[0].url, "http://e/1");
  EXPECT_EQ(docs_[1].published, "2022-03-01");
  ASSERT_EQ(errors_.size(), 2u);
  EXPECT_NE(errors_[0].find("a.jsonl:2"), std::string::npos);
  EXPECT_NE(errors_[1].find("a.jsonl:3"), std::string::npos);
  EXPECT_NE(errors_[1].find("text"), std::string::npos);
}

TEST_F(LoaderTest, HtmlKeepsArticleTextAndMeta) {
  Load(Write("p.html",
             "<html><head><title>Friends</title><meta property=\"article:published_time\" "
             "content=\"2022-03-01T08:00:00Z\"><script>var x='Putin';</script><style>p{}</style></head>"
             "<body><nav>Home | World</nav><article><h1>Friends</h1><p>Le Pen met Putin.</p>"
             "<p>She got a &euro;9m loan.</p></article><footer>Contact</footer></body></html>"));
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].title, "Friends");
  EXPECT_EQ(docs_[0].published, "2022-03-01");
  EXPECT_EQ(docs_[0].text, "Friends\n\nLe Pen met Putin.\n\nShe got a \xE2\x82\xAC" "9m loan.");
  EXPECT_EQ(docs_[0].text.find("var x"), std::string::npos);
  EXPECT_EQ(docs_[0].text.find("Home"), std::string::npos);
}

TEST_F(LoaderTest, FoldersRecursivelyAndGzip) {
  Write("d/one.txt", "First document.");
  Write("d/sub/two.txt", "Second document.");
  std::string gz = (dir_ / "d/sub/three.txt.gz").string();
  gzFile f = gzopen(gz.c_str(), "wb");
  gzputs(f, "Third document.");
  gzclose(f);
  Load((dir_ / "d").string());
  ASSERT_TRUE(status_.ok());
  EXPECT_EQ(docs_.size(), 3u);
  EXPECT_TRUE(errors_.empty());
}

TEST(Normalize, FindInvalidUtf8) {
  EXPECT_EQ(FindInvalidUtf8("abc"), -1);
  EXPECT_EQ(FindInvalidUtf8("ab\xE2\x82"), 2);
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0);       // overlong
  EXPECT_EQ(FindInvalidUtf8("a\xED\xA0\x80"), 1);  // surrogate
}

}  // namespace
}  // namespace tiegraph
