// custos: one binary, one subcommand per capability.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "custos/cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"custos: find, protect and account for personal information"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "custos 0.1.0");
  custos::cli::Runner run;
  custos::cli::RegisterScan(app, run);
  custos::cli::RegisterCategories(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return custos::cli::kExitError;
  }
  return run ? run() : custos::cli::kExitError;
}
