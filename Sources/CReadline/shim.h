// GNU readline (GPL) for the REPL. Only the executable imports this module, behind the LineReader protocol,
// so it can be swapped for libedit.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
