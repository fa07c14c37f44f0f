// GNU readline (GPL) for the REPL. Only the executable imports this module, behind the LineReader protocol,
// so it can be swapped for libedit.
//
// readline keeps its settings in C globals; Swift 6 rightly refuses to touch shared mutable globals, so
// the few the REPL sets are set here, in C, once, before the first prompt.
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Ctrl-C at the prompt: drop what was typed and show a fresh prompt, as a shell does.
static void concierge_readline_interrupt(int signal_number) {
    (void)signal_number;
    (void)write(STDOUT_FILENO, "^C\n", 3);
    rl_on_new_line();
    rl_replace_line("", 0);
    rl_redisplay();
}

/// Names the application (for ~/.inputrc), installs the completer, and takes over Ctrl-C.
static inline void concierge_readline_configure(rl_completion_func_t *completer) {
    rl_readline_name = "concierge";
    rl_attempted_completion_function = completer;
    rl_catch_signals = 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = concierge_readline_interrupt;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
}

/// Tells readline not to fall back to completing file names.
static inline void concierge_readline_suppress_default_completion(void) {
    rl_attempted_completion_over = 1;
}

/// Puts Ctrl-C back to its default, when the REPL ends.
static inline void concierge_readline_restore_interrupt(void) {
    signal(SIGINT, SIG_DFL);
}
