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

// Fatal signals: put the terminal back (endwin) before the previous handling runs (the
// default action, or Swift's crash backtracer), so a crash or a kill never leaves the shell
// in raw mode on the alternate screen. endwin is not strictly async-signal-safe, but this is
// the accepted practice and the process is ending anyway.
#define BS_FATAL_SIGNAL_COUNT 9
static const int bs_fatal_signals[BS_FATAL_SIGNAL_COUNT] = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL
};
// A function-local static, because Swift's importer emits no storage for file-level statics
// in a header. Only CursesBackend.swift calls these functions, so there is one copy.
static inline struct sigaction *bs_previous_actions(void) {
    static struct sigaction saved[BS_FATAL_SIGNAL_COUNT];
    return saved;
}

static void bs_restore_terminal_and_reraise(int sig) {
    endwin();
    for (int i = 0; i < BS_FATAL_SIGNAL_COUNT; i++) {
        if (bs_fatal_signals[i] == sig) sigaction(sig, &bs_previous_actions()[i], NULL);
    }
    raise(sig);
}

static inline void bs_install_fatal_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = bs_restore_terminal_and_reraise;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < BS_FATAL_SIGNAL_COUNT; i++) {
        sigaction(bs_fatal_signals[i], &action, &bs_previous_actions()[i]);
    }
}

static inline void bs_restore_signal_handlers(void) {
    for (int i = 0; i < BS_FATAL_SIGNAL_COUNT; i++) sigaction(bs_fatal_signals[i], &bs_previous_actions()[i], NULL);
}

#endif
