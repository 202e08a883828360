/* rtlint: lints TypeScript/TSX against the Campfire unified realtime
 * standards. This file only dispatches; see cli/ for the commands. */
#include "cli/adoption.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "core/printable.h"
#include "lsp/server.h"
#include "parse/ast.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  printable_stderr();
  Options o;
  int status = options_parse(&o, argc, argv);
  if (status >= 0) {
    options_free(&o);
    return status;
  }
  switch (o.command) {
  case CMD_RULES:
    status = cmd_rules(&o);
    break;
  case CMD_EXPLAIN:
    status = cmd_explain(&o);
    break;
  case CMD_MERGE:
    status = cmd_merge(&o);
    break;
  case CMD_STANDARDS:
    printable_stdout();
    status = cmd_standards(&o);
    break;
  case CMD_BASELINE:
    status = cmd_baseline(&o);
    break;
  case CMD_REPORT:
    status = cmd_report(&o);
    break;
  case CMD_INIT:
    status = cmd_init(&o);
    break;
  case CMD_LSP:
    status = cmd_lsp();
    break;
  case CMD_GRAPH:
    status = cmd_graph(&o);
    break;
  case CMD_CHECK:
  default:
    status = o.config_keys    ? cmd_config_keys()
             : o.print_config ? cmd_print_config(&o)
                              : cmd_check(&o);
    break;
  }
  options_free(&o);
  /* For tests that tell linear from quadratic work by counting. */
  const char *stats = getenv("RTLINT_STATS");
  if (stats && *stats == '1')
    fprintf(stderr, "rtlint-stats: work=%" PRIu64 "\n", ast_work());
  return status;
}
