#include "peerproc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int peerproc_start(struct peerproc *p, char *const argv[], int keep)
{
    int out[2];

    p->pid = -1;
    p->out = -1;
    if (pipe(out) != 0)
        return -1;
    /* The parent's copies must not leak into other children. */
    fcntl(out[0], F_SETFD, FD_CLOEXEC);
    fcntl(out[1], F_SETFD, FD_CLOEXEC);
    p->pid = fork();
    if (p->pid == 0) {
        /* Only async-signal-safe calls between fork and exec. */
        if (dup2(out[1], STDOUT_FILENO) < 0 || fcntl(keep, F_SETFD, 0) != 0)
            _exit(127);
        execv(argv[0], argv);
        _exit(127);
    }
    close(out[1]);
    if (p->pid < 0) {
        close(out[0]);
        return -1;
    }
    p->out = out[0];
    return 0;
}

static long long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads until EOF or the deadline; returns 1 on EOF. */
static int read_until_eof(int fd, char *line, size_t size, long long deadline)
{
    size_t used = 0;

    for (;;) {
        long long left = deadline - now_ms();
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        if (left <= 0)
            return 0;
        int r = poll(&pfd, 1, (int)left);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return 0;
        char scratch[64];
        char *dst = used + 1 < size ? line + used : scratch;
        size_t room = used + 1 < size ? size - 1 - used : sizeof(scratch);
        ssize_t n = read(fd, dst, room);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n == 0;
        if (dst != scratch)
            used += (size_t)n;
        line[used] = '\0';
    }
}

int peerproc_finish(struct peerproc *p, char *line, size_t size,
                    int seconds)
{
    int status = 0, eof;

    line[0] = '\0';
    if (p->pid < 0)
        return -1;
    eof = read_until_eof(p->out, line, size, now_ms() + seconds * 1000LL);
    line[strcspn(line, "\n")] = '\0';
    close(p->out);
    if (!eof)
        kill(p->pid, SIGKILL);
    while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR)
        ;
    p->pid = -1;
    if (!eof || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

int peerproc_has_word(const char *line, const char *word)
{
    size_t len = strlen(word);

    for (const char *s = line; (s = strstr(s, word)) != NULL; s += len)
        if ((s == line || s[-1] == ' ') && (s[len] == ' ' || s[len] == '\0'))
            return 1;
    return 0;
}
