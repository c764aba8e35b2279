/* commands.h — the subcommands of the dyad executable. Each takes argc/argv
 * with argv[0] = the subcommand's name and returns the process exit status. */
#ifndef DYAD_COMMANDS_H
#define DYAD_COMMANDS_H

int dy_cmd_code(int argc, char **argv);
int dy_cmd_db(int argc, char **argv);
int dy_cmd_validate(int argc, char **argv);
int dy_cmd_dict(int argc, char **argv);
int dy_cmd_serve(int argc, char **argv);
int dy_cmd_clusters(int argc, char **argv);

#include <stddef.h>
/* Folder of the default dictionaries (see paths.c), or NULL. May use buf. */
const char *dy_cli_default_dict(char *buf, size_t n);
/* The gazetteer file (see paths.c), or NULL when there is none. */
const char *dy_cli_gazetteer(char *buf, size_t n);

#endif
