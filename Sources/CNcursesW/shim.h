#ifndef BLENDSCOPE_CNCURSESW_SHIM_H
#define BLENDSCOPE_CNCURSESW_SHIM_H

// Swift does not define these, and SwiftPM drops pkg-config's -D flags: without them the
// wide-character API (cchar_t, setcchar, wadd_wch, wget_wch) is not declared.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
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

#endif
