/* A peer that is a separate program (conformance/peers/), run over one end
 * of a socket pair: started with fork/exec, its one line of output read
 * with a bounded wait, killed if it does not finish, always reaped. */
#ifndef CONF_PEERPROC_H
#define CONF_PEERPROC_H

#include <stddef.h>
#include <sys/types.h>

struct peerproc {
    pid_t pid; /* -1: not running */
    int out;   /* read end of the peer's stdout, -1: none */
};

/* Runs `argv` (argv[0] the program's path) with its stdout on a pipe. The
 * descriptor `keep` stays open in the peer (the socket it talks over);
 * every other descriptor of this process is close-on-exec. Returns 0, or
 * -1 (nothing left running). */
int peerproc_start(struct peerproc *p, char *const argv[], int keep);

/* Reads the peer's output into line (NUL-terminated, the trailing newline
 * removed) until it closes it, waiting at most `seconds` in all; then
 * kills the peer if it still runs, and reaps it. Returns the peer's exit
 * status, or -1 if it timed out or did not exit normally. */
int peerproc_finish(struct peerproc *p, char *line, size_t size,
                    int seconds);

/* 1 if the space-separated words of `line` include `word` exactly. */
int peerproc_has_word(const char *line, const char *word);

#endif
