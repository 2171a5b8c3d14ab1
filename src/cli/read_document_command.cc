// lienthong read-document FILE --name NAME --memory-mb N --cpu-seconds N --max-pages N
//                                 --max-ocr-pages N
// Hidden: the child process `serve` reads each uploaded document in (import/isolated_reader.h).
// Prints the reading as JSON on stdout and each page on stderr; not meant to be run by hand.
#include <cstdlib>

#include "cli/cli_context.h"
#include "import/isolated_reader.h"

namespace lienthong {

void AddReadDocumentCommand(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<ChildReaderArgs>();
  CLI::App* cmd = app.add_subcommand("read-document", "");
  cmd->group("");  // not listed in --help
  cmd->add_option("file", args->input)->required();
  cmd->add_option("--name", args->name)->required();
  cmd->add_option("--memory-mb", args->memory_mb)->check(CLI::Range(64, 1 << 20));
  cmd->add_option("--cpu-seconds", args->cpu_seconds)->check(CLI::Range(1, 1 << 20));
  cmd->add_option("--max-pages", args->max_pdf_pages)->check(CLI::Range(1, 1 << 20));
  cmd->add_option("--max-ocr-pages", args->max_ocr_pages)->check(CLI::Range(0, 1 << 20));
  cmd->callback([&ctx, args] {
    ctx.action = [args]() -> Status { std::exit(RunChildReader(*args)); };
  });
}

}  // namespace lienthong
