#include "tiegraph/ingest/parallel_ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

namespace tiegraph::ingest {
namespace {
namespace fs = std::filesystem;

const char* kPeople[] = {"Matteo Salvini", "Marine Le Pen", "Viktor Orban", "Nigel Farage", "Jair Bolsonaro",
                         "Donald Trump", "Vladimir Putin", "Olaf Scholz"};
const char* kVerbs[] = {"praised", "criticized", "met", "condemned", "visited"};

// One pipeline for the whole suite: loading the models takes a moment.
class ParallelIngestTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = Pipeline::Create(PipelineOptions{});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = p.value().release();
  }
  static void TearDownTestSuite() { delete pipeline_; }

  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tiegraph_ingest_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // n small articles, each with a few claims between varied actors.
  void WriteCorpus(int n) {
    for (int i = 0; i < n; ++i) {
      std::ostringstream text;
      text << "Report number " << i << ".\n\n";
      for (int k = 0; k < 3; ++k) {
        const char* a = kPeople[(i + k) % 8];
        const char* b = kPeople[(i * 3 + k + 1) % 8];
        if (a == b) b = kPeople[(i + k + 5) % 8];
        text << a << " " << kVerbs[(i + k) % 5] << " " << b << " in " << (2010 + i % 12) << ". ";
      }
      text << "\n";
      std::ofstream(dir_ / "in" / ("doc" + std::to_string(1000 + i) + ".txt")) << text.str();
    }
  }

  struct Outcome {
    Status status;
    int64_t stored = 0, skipped = 0, failed = 0;
    std::vector<std::string> errors;
  };
  Outcome Ingest(const std::string& db, int jobs, std::atomic<bool>* stop = nullptr, int stop_after = -1,
                 bool extract = true) {
    std::atomic<bool> local_stop{false};
    if (!stop) stop = &local_stop;
    std::unique_ptr<Store> store;
    if (fs::exists(db)) store = std::move(OpenStore(db).value());
    Store* existing = store.get();
    auto open = [&]() -> Result<Store*> {
      if (!store) {
        auto s = OpenStore(db);
        if (!s.ok()) return s.status();
        store = std::move(s.value());
      }
      return store.get();
    };
    Outcome out;
    std::mutex mu;
    IngestCallbacks cb;
    cb.on_error = [&](const Status& s) {
      std::lock_guard<std::mutex> lock(mu);
      out.errors.push_back(s.message());
    };
    int stored_so_far = 0;
    cb.on_stored = [&](const Document&, const PutResult&) {
      if (++stored_so_far == stop_after) stop->store(true);
    };
    ParallelIngestOptions options;
    options.jobs = jobs;
    options.extract = extract;
    PipelineMaker make;
    if (extract) make = []() -> Result<const Pipeline*> { return static_cast<const Pipeline*>(pipeline_); };
    ParallelIngest ingest(make, existing, open, options, cb, stop);
    out.status = ingest.Run({(dir_ / "in").string()});
    out.stored = ingest.counters().stored.load();
    out.skipped = ingest.counters().skipped.load();
    out.failed = ingest.counters().failed.load();
    return out;
  }

  // Every claim as text with its actors' ids and names, in id order.
  static std::vector<std::string> Dump(const std::string& db) {
    auto store = std::move(OpenStore(db).value());
    std::vector<std::string> rows;
    std::vector<StoredClaim> claims = store->ListClaims(ClaimFilter{}).value();
    std::vector<StoredDocument> documents = store->ListDocuments().value();
    for (const StoredClaim& c : claims) {
      auto s = store->GetActor(c.subject).value();
      auto o = store->GetActor(c.object).value();
      rows.push_back(std::to_string(c.id) + " " + c.document + " " + std::to_string(s.id) + ":" + s.name + " " +
                     c.relation + " " + std::to_string(o.id) + ":" + o.name + " " + c.time);
    }
    // ListDocuments orders by ingestion time, which ties within a second: compare as a set.
    std::vector<std::string> docs;
    for (const StoredDocument& d : documents) docs.push_back("doc " + d.id + " " + d.source);
    std::sort(docs.begin(), docs.end());
    rows.insert(rows.end(), docs.begin(), docs.end());
    return rows;
  }

  static Pipeline* pipeline_;
  fs::path dir_;
};
Pipeline* ParallelIngestTest::pipeline_ = nullptr;

TEST_F(ParallelIngestTest, SameDatabaseWhateverTheNumberOfJobs) {
  WriteCorpus(40);
  std::string one = (dir_ / "one.db").string(), four = (dir_ / "four.db").string();
  Outcome a = Ingest(one, 1);
  Outcome b = Ingest(four, 4);
  ASSERT_TRUE(a.status.ok() && b.status.ok());
  EXPECT_EQ(a.stored, 40);
  EXPECT_EQ(b.stored, 40);
  EXPECT_TRUE(a.errors.empty() && b.errors.empty());
  std::vector<std::string> da = Dump(one), db = Dump(four);
  EXPECT_GT(da.size(), 40u) << "no claims extracted";
  ASSERT_EQ(da.size(), db.size()) << "claims or documents differ between 1 and 4 jobs";
  for (size_t i = 0; i < da.size(); ++i)
    ASSERT_EQ(da[i], db[i]) << "row " << i << ": claims, actor ids or documents differ between 1 and 4 jobs";
}

TEST_F(ParallelIngestTest, RerunSkipsStoredDocumentsBeforeExtraction) {
  WriteCorpus(12);
  std::string db = (dir_ / "t.db").string();
  ASSERT_EQ(Ingest(db, 2).stored, 12);
  auto before = Dump(db);
  Outcome again = Ingest(db, 2);
  EXPECT_EQ(again.stored, 0);
  EXPECT_EQ(again.skipped, 12);
  EXPECT_EQ(Dump(db), before);
}

TEST_F(ParallelIngestTest, StopStoresWholeDocumentsAndResumes) {
  WriteCorpus(60);
  std::string db = (dir_ / "t.db").string();
  std::atomic<bool> stop{false};
  Outcome first = Ingest(db, 2, &stop, /*stop_after=*/5);
  ASSERT_TRUE(first.status.ok());
  EXPECT_GE(first.stored, 5);
  EXPECT_LT(first.stored, 60) << "stopping did not stop";
  // Every stored document is whole: it has the claims a full run gives it.
  Outcome rest = Ingest(db, 2);
  EXPECT_EQ(rest.skipped, first.stored);
  EXPECT_EQ(first.stored + rest.stored, 60);
  auto store = std::move(OpenStore(db).value());
  EXPECT_EQ(store->Counts().value().documents, 60);
  std::string full = (dir_ / "full.db").string();
  Ingest(full, 1);
  EXPECT_EQ(store->Counts().value().claims, std::move(OpenStore(full).value())->Counts().value().claims);
}

TEST_F(ParallelIngestTest, BadInputsAreCountedAndTheBatchGoesOn) {
  WriteCorpus(5);
  std::ofstream(dir_ / "in" / "empty.txt") << "";
  std::ofstream(dir_ / "in" / "bad.jsonl") << "{\"id\": 1, \"text\": \"x\"}\nnot json\n{\"id\": \"ok\", \"text\": \"Viktor Orban met Vladimir Putin.\"}\n";
  std::string db = (dir_ / "t.db").string();
  Outcome out = Ingest(db, 2);
  EXPECT_TRUE(out.status.ok());
  EXPECT_EQ(out.stored, 6);
  EXPECT_EQ(out.failed, 3);
  ASSERT_EQ(out.errors.size(), 3u);
  std::set<std::string> joined(out.errors.begin(), out.errors.end());
  bool names_line_1 = false, names_line_2 = false, names_empty = false;
  for (const auto& e : out.errors) {
    names_line_1 |= e.find("bad.jsonl:1") != std::string::npos;
    names_line_2 |= e.find("bad.jsonl:2") != std::string::npos;
    names_empty |= e.find("empty.txt") != std::string::npos;
  }
  EXPECT_TRUE(names_line_1 && names_line_2 && names_empty);
}

TEST_F(ParallelIngestTest, NoExtractStoresDocumentsOnly) {
  WriteCorpus(10);
  std::string db = (dir_ / "t.db").string();
  Outcome out = Ingest(db, 2, nullptr, -1, /*extract=*/false);
  EXPECT_EQ(out.stored, 10);
  auto counts = std::move(OpenStore(db).value())->Counts().value();
  EXPECT_EQ(counts.documents, 10);
  EXPECT_EQ(counts.claims, 0);
}

TEST_F(ParallelIngestTest, NothingStoredCreatesNoDatabase) {
  std::ofstream(dir_ / "in" / "empty.txt") << "";
  std::string db = (dir_ / "none.db").string();
  Outcome out = Ingest(db, 2);
  EXPECT_EQ(out.failed, 1);
  EXPECT_FALSE(fs::exists(db));
}

TEST_F(ParallelIngestTest, NoPipelineIsFatalAndStopsCleanly) {
  WriteCorpus(20);
  std::atomic<bool> stop{false};
  int made = 0;
  ParallelIngestOptions options;
  options.jobs = 3;
  std::vector<std::string> errors;
  IngestCallbacks cb;
  cb.on_error = [&](const Status& s) { errors.push_back(s.message()); };
  ParallelIngest ingest(
      [&]() -> Result<const Pipeline*> {
        ++made;
        return Status::NotFound("models/tagger.bin: missing");
      },
      nullptr, [&]() -> Result<Store*> { return Status::Internal("must not open"); }, options, cb, &stop);
  Status s = ingest.Run({(dir_ / "in").string()});
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("tagger.bin"), std::string::npos);
  EXPECT_EQ(made, 1) << "the pipeline maker must be called once";
  EXPECT_EQ(ingest.counters().stored.load(), 0);
  EXPECT_FALSE(fs::exists(dir_ / "none.db"));
}

TEST(CountWords, SplitsOnWhitespace) {
  EXPECT_EQ(CountWords(""), 0);
  EXPECT_EQ(CountWords("  one\ttwo\n\nthree  "), 3);
  EXPECT_EQ(CountWords("M\xC3\xA9lenchon a dit"), 3);
}

}  // namespace
}  // namespace tiegraph::ingest
