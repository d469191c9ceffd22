// cli: subcommands map flags to library calls; no domain logic lives here.
#ifndef CUSTOS_CLI_COMMANDS_H_
#define CUSTOS_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include <functional>

namespace custos::cli {

// Each Register* adds a subcommand to `app`; when it is chosen, `run` is set to a
// function returning the process exit code.
using Runner = std::function<int()>;
void RegisterScan(CLI::App& app, Runner& run);
void RegisterCategories(CLI::App& app, Runner& run);

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFound = 1;   // --fail-on matched
inline constexpr int kExitError = 2;   // bad input, unreadable files, bad flags

}  // namespace custos::cli

#endif  // CUSTOS_CLI_COMMANDS_H_
