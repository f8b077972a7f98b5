/* Writing results to stdout, with every write checked: a closed pipe or a
 * full disk is a failure the user hears about, never a silent truncation
 * (SIGPIPE is ignored, so a closed pipe is EPIPE here). */
#ifndef UNITLS_CLI_OUTPUT_H
#define UNITLS_CLI_OUTPUT_H

#include <stddef.h>

/* Writes `len` bytes of `text` to stdout (buffered). */
void output_text(const char *text, size_t len);

/* As output_text(), and adds a "\n" unless `text` already ends with one. */
void output_line(const char *text, size_t len);

/* Flushes stdout and checks that every write so far succeeded. Returns
 * EXIT_OK, or EXIT_FAILED after reporting under `command`. */
int output_finish(const char *command);

/* Writes all of `data` to descriptor `fd` directly (no stdio buffer),
 * waiting if it is non-blocking. Returns 0, or -1 with errno. */
int output_write_fd(int fd, const void *data, size_t len);

#endif
