#ifndef RTLINT_CLI_COMMANDS_H
#define RTLINT_CLI_COMMANDS_H
#include "cli/options.h"

int cmd_check(const Options *o);
int cmd_rules(const Options *o);
int cmd_explain(const Options *o);
int cmd_standards(const Options *o);
/* Combines the SARIF or JSON outputs of --shard runs into one report. */
int cmd_merge(const Options *o);
int cmd_report(const Options *o);
/* --print-config FILE and the hidden --config-keys (config_cmd.c). */
int cmd_print_config(const Options *o);
int cmd_config_keys(void);
/* rtlint init [DIR]: writes a commented rtlint.yaml for the project (init.c). */
int cmd_init(const Options *o);
/* rtlint graph [PATH...]: the realtime contract as JSON (graph_cmd.c). */
int cmd_graph(const Options *o);

#endif
