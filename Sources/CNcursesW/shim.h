#ifndef BLENDSCOPE_CNCURSESW_SHIM_H
#define BLENDSCOPE_CNCURSESW_SHIM_H

// Swift does not define these, and SwiftPM drops pkg-config's -D flags: without them the
// wide-character API (cchar_t, setcchar, wadd_wch, wget_wch) is not declared.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <pthread.h>
#include <termios.h>
#include <unistd.h>
#include <spawn.h>
#include <sys/wait.h>
#include <ncursesw/curses.h>

extern int wcwidth(wchar_t);

// Function-like macros never import into Swift; expose the ones we use as values.
static const attr_t bs_A_NORMAL = A_NORMAL;
static const attr_t bs_A_BOLD = A_BOLD;
static const attr_t bs_A_DIM = A_DIM;
static const attr_t bs_A_REVERSE = A_REVERSE;
static const attr_t bs_A_UNDERLINE = A_UNDERLINE;
static const attr_t bs_A_ITALIC = A_ITALIC;

static const mmask_t bs_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t bs_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t bs_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t bs_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t bs_BUTTON5_PRESSED = BUTTON5_PRESSED;
static const mmask_t bs_BUTTON2_PRESSED = BUTTON2_PRESSED;
static const mmask_t bs_BUTTON2_RELEASED = BUTTON2_RELEASED;
static const mmask_t bs_BUTTON3_PRESSED = BUTTON3_PRESSED;
static const mmask_t bs_BUTTON3_RELEASED = BUTTON3_RELEASED;
static const mmask_t bs_BUTTON_CTRL = BUTTON_CTRL;
static const mmask_t bs_BUTTON_SHIFT = BUTTON_SHIFT;
static const mmask_t bs_BUTTON_ALT = BUTTON_ALT;
static const mmask_t bs_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t bs_REPORT_MOUSE_POSITION = REPORT_MOUSE_POSITION;

static inline int bs_KEY_F(int n) { return KEY_F(n); }
static inline attr_t bs_COLOR_PAIR(int n) { return (attr_t)COLOR_PAIR(n); }

// Swift 6 rejects reads of these C globals as not concurrency-safe.
static inline WINDOW *bs_stdscr(void) { return stdscr; }
static inline int bs_COLORS(void) { return COLORS; }
static inline int bs_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int bs_LINES(void) { return LINES; }
static inline int bs_COLS(void) { return COLS; }
static inline FILE *bs_stdin(void) { return stdin; }
static inline FILE *bs_stdout(void) { return stdout; }

// setcchar with an extended colour pair: ncurses reads pairs above 32767 from `opts`.
static inline int bs_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
    return setcchar(cell, text, attrs, 0, &pair);
}

// Fatal signals: put the terminal back, then die by the signal (its default action, so the
// shell sees it and a core is dumped as configured), never resume. endwin is not
// async-signal-safe, so the handler only writes bytes prepared in advance (sgr0, orig pair and
// colours, mouse and keypad off, cnorm, rmcup) with write(2) and puts back the terminal mode
// saved before curses changed it with tcsetattr(3), both async-signal-safe. A fault the kernel
// raised (not a kill) first goes to the previous handler (Swift's backtracer) for its report.
// Signals ignored when the TUI started (SIGHUP under nohup) stay ignored.
#define BS_FATAL_SIGNAL_COUNT 9
static const int bs_fatal_signals[BS_FATAL_SIGNAL_COUNT] = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL
};
// Function-local statics, because Swift's importer emits no storage for file-level statics
// in a header. Only CursesBackend.swift calls these functions, so there is one copy.
static inline struct sigaction *bs_previous_actions(void) {
    static struct sigaction saved[BS_FATAL_SIGNAL_COUNT];
    return saved;
}

struct bs_terminal_reset {
    char bytes[1024];
    size_t length;
    int output_fd;
    int input_fd;
    int has_mode;
    struct termios mode;
};

static inline struct bs_terminal_reset *bs_reset_state(void) {
    static struct bs_terminal_reset state = { .length = 0, .output_fd = -1, .input_fd = -1, .has_mode = 0 };
    return &state;
}

// Before newterm: the terminal mode the shell had, to put back on a fatal signal.
static inline void bs_save_terminal_mode(int input_fd) {
    struct bs_terminal_reset *r = bs_reset_state();
    r->input_fd = input_fd;
    r->has_mode = tcgetattr(input_fd, &r->mode) == 0;
}

static inline void bs_append_capability(const char *name) {
    struct bs_terminal_reset *r = bs_reset_state();
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return;
    size_t n = strlen(value);
    if (r->length + n >= sizeof r->bytes) return;
    memcpy(r->bytes + r->length, value, n);
    r->length += n;
}

static inline void bs_append_bytes(const char *text) {
    struct bs_terminal_reset *r = bs_reset_state();
    size_t n = strlen(text);
    if (r->length + n >= sizeof r->bytes) return;
    memcpy(r->bytes + r->length, text, n);
    r->length += n;
}

// After newterm (the capabilities are the current terminal's): the bytes endwin would send.
static inline void bs_prepare_terminal_reset(int output_fd, int mouse) {
    struct bs_terminal_reset *r = bs_reset_state();
    r->output_fd = output_fd;
    r->length = 0;
    bs_append_capability("sgr0");
    bs_append_capability("op");
    bs_append_capability("oc");
    // xterm mouse reporting, as ncurses enables it for terminals with kmous.
    if (mouse && tigetstr("kmous") != NULL && tigetstr("kmous") != (char *)-1) {
        bs_append_bytes("\033[?1006l\033[?1003l\033[?1002l\033[?1000l");
    }
    bs_append_capability("rmkx");
    bs_append_capability("cnorm");
    bs_append_capability("rmcup");
}

static inline void bs_write_terminal_reset(void) {
    struct bs_terminal_reset *r = bs_reset_state();
    size_t done = 0;
    while (r->output_fd >= 0 && done < r->length) {
        ssize_t n = write(r->output_fd, r->bytes + done, r->length - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += (size_t)n;
    }
    if (r->has_mode) tcsetattr(r->input_fd, TCSANOW, &r->mode);
}

static void bs_fatal_signal_handler(int sig, siginfo_t *info, void *context) {
    int saved_errno = errno;
    bs_write_terminal_reset();
    int synchronous_fault = info != NULL && info->si_code > 0
        && (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE);
    for (int i = 0; synchronous_fault && i < BS_FATAL_SIGNAL_COUNT; i++) {
        if (bs_fatal_signals[i] != sig) continue;
        struct sigaction *previous = &bs_previous_actions()[i];
        if (previous->sa_flags & SA_SIGINFO) {
            if (previous->sa_sigaction != NULL) previous->sa_sigaction(sig, info, context);
        } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN && previous->sa_handler != NULL) {
            previous->sa_handler(sig);
        }
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(sig, &fallback, NULL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    pthread_sigmask(SIG_UNBLOCK, &only, NULL);
    raise(sig);
    // The default action of every signal here ends the process; this is never reached.
    errno = saved_errno;
    _exit(128 + sig);
}

static inline void bs_install_fatal_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = bs_fatal_signal_handler;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    // The other fatal signals wait while the terminal is being put back.
    for (int i = 0; i < BS_FATAL_SIGNAL_COUNT; i++) sigaddset(&action.sa_mask, bs_fatal_signals[i]);
    for (int i = 0; i < BS_FATAL_SIGNAL_COUNT; i++) {
        sigaction(bs_fatal_signals[i], &action, &bs_previous_actions()[i]);
        if (!(bs_previous_actions()[i].sa_flags & SA_SIGINFO) && bs_previous_actions()[i].sa_handler == SIG_IGN) {
            sigaction(bs_fatal_signals[i], &bs_previous_actions()[i], NULL);
        }
    }
}

static inline void bs_restore_signal_handlers(void) {
    for (int i = 0; i < BS_FATAL_SIGNAL_COUNT; i++) sigaction(bs_fatal_signals[i], &bs_previous_actions()[i], NULL);
}

extern char **environ;

// Runs `argv` (argv[0] searched on PATH) on this terminal and waits for it, as system(3)
// would: the child stays in this process group (the terminal's foreground group, so it may
// read keys), with default signal actions, while this process ignores the interrupt and quit
// keys meant for the child. Foundation's Process cannot do this: it puts the child in a
// process group of its own, which the terminal stops as soon as it reads. Returns the wait
// status, or -1 with errno set when the program could not be started.
static inline int bs_run_in_foreground(char *const argv[]) {
    struct sigaction ignore, saved_interrupt, saved_quit;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &saved_interrupt);
    sigaction(SIGQUIT, &ignore, &saved_quit);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    pid_t child;
    int error = posix_spawnp(&child, argv[0], NULL, &attributes, argv, environ);
    posix_spawnattr_destroy(&attributes);
    int status = -1;
    if (error == 0) {
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    }
    sigaction(SIGINT, &saved_interrupt, NULL);
    sigaction(SIGQUIT, &saved_quit, NULL);
    if (error != 0) { errno = error; return -1; }
    return status;
}

#endif
