// build/tiegraph: thin command-line front end over libtiegraph.
#include <cstdio>

#include "tiegraph/cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "tiegraph: map who is tied to whom in political news.\n"
      "Reads articles (text, HTML, JSON Lines, folders), finds actors and the claims\n"
      "that tie them (praise, criticize, meet, fund, business, collaborate, member,\n"
      "support, oppose, social, aligned, linked), each backed by its sentence, and\n"
      "stores them in SQLite for querying, serving and export.\n\n"
      "Exit status: 0 all done, 1 some inputs failed, 2 usage error.",
      "tiegraph"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Show help for every command");
  tiegraph::cli::GlobalOptions global;
  app.add_option("--db", global.db, "SQLite database file")->capture_default_str();
  app.add_option("--pg", global.pg, "PostgreSQL URL (postgresql://...) instead of SQLite");
  app.add_option("--models", global.models_dir, "Folder of trained models (default: the bundled models/)");
  app.add_option("--kb", global.kb_dir, "Folder of the curated actor knowledge base (default: the bundled data/kb/)");
  app.add_option("--kb-extra", global.kb_extra,
                 "Extra actor lists read at run time: Phoenix .actors.txt files or Party Facts CSVs");
  app.add_option("--cameo", global.cameo_path,
                 "CAMEO verb dictionary (PETRARCH2 CAMEO.2.0.txt) read at run time; 'none' for none "
                 "(default: ../shared/corpora/petrarch2_dictionaries/CAMEO.2.0.txt if present)");
  int exit_code = 0;
  tiegraph::cli::RegisterExtract(app, global, &exit_code);
  tiegraph::cli::RegisterParse(app, global, &exit_code);
  tiegraph::cli::RegisterIngest(app, global, &exit_code);
  tiegraph::cli::RegisterActors(app, global, &exit_code);
  tiegraph::cli::RegisterClaims(app, global, &exit_code);
  tiegraph::cli::RegisterExport(app, global, &exit_code);
  tiegraph::cli::RegisterReport(app, global, &exit_code);
  tiegraph::cli::RegisterMerge(app, global, &exit_code);
  tiegraph::cli::RegisterSplit(app, global, &exit_code);
  tiegraph::cli::RegisterKb(app, global, &exit_code);
  tiegraph::cli::RegisterServe(app, global, &exit_code);
  tiegraph::cli::RegisterTies(app, global, &exit_code);
  tiegraph::cli::RegisterPath(app, global, &exit_code);
  tiegraph::cli::RegisterRank(app, global, &exit_code);
  tiegraph::cli::RegisterTimeline(app, global, &exit_code);
  tiegraph::cli::RegisterCommunities(app, global, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return exit_code;
}
