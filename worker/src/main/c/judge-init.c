// judge-init: PID 1 of a judgefleet sandbox.
//
// The worker (Java) decides everything; this program only executes. It receives
// launch plans over a SOCK_SEQPACKET socket on fd 3: lists of steps, each a code
// with integer and byte-string arguments. It never chooses a path, a flag or a
// limit itself. Every branch below is on a message type, a step code or the
// result of a system call.
//
// Lifecycle:
//   1. SETUP: build the root filesystem and pivot into it (steps run in PID 1).
//   2. RUN, repeatedly: run the "prepare" steps in PID 1, fork a child that runs
//      the "child" steps and finally execs, supervise it, kill every process of
//      the namespace when the main process exits, run the "cleanup" steps, and
//      report the exit status.
//   3. EXIT or end-of-file on the control socket: kill everything and exit.
//      When PID 1 exits the kernel kills whatever is left in the PID namespace.
//
// Failures are reported as {phase, step index, errno}; the worker turns the index
// back into the step it sent, with its arguments, for the error message.

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

// Message types, worker -> init. Mirrored by InitProtocol.java.
enum {
  MSG_SETUP = 1,
  MSG_RUN = 2,
  MSG_KILL = 3,
  MSG_EXIT = 4,
};

// Reply types, init -> worker.
enum {
  REPLY_READY = 1,    // setup done
  REPLY_FAILED = 2,   // a step failed: phase, step index, errno
  REPLY_STARTED = 3,  // the run's program was exec'd: clock and pre-exec CPU
  REPLY_EXITED = 4,   // the run is over and cleaned up
};

// Where a step ran. Mirrored by StepPhase.java. PHASE_INIT is PID 1's own work between the
// steps; its failures carry an init_op instead of a step index.
enum {
  PHASE_SETUP = 1,
  PHASE_PREPARE = 2,
  PHASE_CHILD = 3,
  PHASE_CLEANUP = 4,
  PHASE_INIT = 5,
};

// PID 1's own operations, named in a PHASE_INIT failure. Mirrored by InitOp.java. Any of them
// failing ends the run without an exit report: the worker gives up on the sandbox.
enum init_op {
  OP_DECODE = 1,      // the run message was malformed
  OP_SOCKETPAIR = 2,  // the child's report socket
  OP_FORK = 3,        // the run's child
  OP_PIDFD_OPEN = 4,  // a handle on the child to poll for its exit
  OP_POLL = 5,        // waiting for the child, the worker and the seccomp listener
};

// Step codes. Mirrored by StepCode.java; a test keeps the two in sync.
enum step_code {
  STEP_MOUNT = 1,
  STEP_UMOUNT = 2,
  STEP_MKDIR = 3,
  STEP_CREATE_FILE = 4,
  STEP_SYMLINK = 5,
  STEP_CHDIR = 6,
  STEP_PIVOT_ROOT = 7,
  STEP_SETHOSTNAME = 8,
  STEP_SCHED_SETSCHEDULER = 9,
  STEP_UNSHARE = 10,
  STEP_SCHED_SETAFFINITY = 11,
  STEP_SETSID = 20,
  STEP_WRITE_FD = 21,
  STEP_SETRLIMIT = 22,
  STEP_DUP2 = 23,
  STEP_CLOSE_FROM = 24,
  STEP_UMASK = 25,
  STEP_SETGROUPS = 26,
  STEP_SETRESGID = 27,
  STEP_SETRESUID = 28,
  STEP_CAPBSET_DROP = 29,
  STEP_CAP_AMBIENT_CLEAR = 30,
  STEP_SET_SECUREBITS = 31,
  STEP_CAPSET = 32,
  STEP_NO_NEW_PRIVS = 33,
  STEP_PDEATHSIG = 34,
  STEP_SECCOMP = 35,
  STEP_EXEC = 36,
};

// Records on the child's report socket (child -> init).
enum {
  CHILD_LISTENER = 1,  // carries the seccomp notification fd (SCM_RIGHTS)
  CHILD_EXEC = 2,      // about to execve: monotonic clock and CPU time so far
  CHILD_FAILED = 3,    // a step failed: step index, errno
};

#define MAX_MESSAGE (1 << 20)
#define MAX_STEPS 4096
#define MAX_ARGS 4096

// Shared with the worker, mirrored by a test: the control socket's descriptor, the most descriptors
// one message may pass, and the exit report's size on the wire.
enum {
  CTL_FD = 3,
  MAX_PASSED_FDS = 16,
  EXIT_REPORT_BYTES = 64,
};

struct step {
  uint32_t code;
  uint32_t nint;
  uint32_t nstr;
  const unsigned char *ints;  // nint little-endian int64 values (unaligned)
  const char *str[MAX_ARGS];  // NUL-terminated in the message itself
  uint32_t len[MAX_ARGS];     // length without the NUL
};

struct step_list {
  uint32_t count;
  const unsigned char *start;  // first encoded step
  const unsigned char *end;
};

// Per-run state shared by the steps.
struct run {
  int passed[MAX_PASSED_FDS];
  int npassed;
  int report_fd;  // child end of the report socket, close-on-exec
};

static unsigned char message[MAX_MESSAGE];

// ---------------------------------------------------------------------------
// Decoding. The worker is trusted, but a malformed plan must fail loudly
// (EBADMSG) instead of reading out of bounds.

static int read_u32(const unsigned char **p, const unsigned char *end, uint32_t *out) {
  if (end - *p < 4) return -1;
  memcpy(out, *p, 4);
  *p += 4;
  return 0;
}

static int64_t step_int(const struct step *s, uint32_t i) {
  int64_t v = 0;
  if (i < s->nint) memcpy(&v, s->ints + 8 * (size_t)i, 8);
  return v;
}

// An empty string argument stands for NULL (mount's source, fstype and data).
static const char *step_str_or_null(const struct step *s, uint32_t i) {
  if (i >= s->nstr || s->len[i] == 0) return NULL;
  return s->str[i];
}

static const char *step_str(const struct step *s, uint32_t i) {
  return i < s->nstr ? s->str[i] : "";
}

static int decode_step(const unsigned char **p, const unsigned char *end, struct step *s) {
  if (read_u32(p, end, &s->code) || read_u32(p, end, &s->nint) || read_u32(p, end, &s->nstr))
    return -1;
  if (s->nstr > MAX_ARGS || (size_t)(end - *p) / 8 < s->nint) return -1;
  s->ints = *p;
  *p += 8 * (size_t)s->nint;
  for (uint32_t i = 0; i < s->nstr; i++) {
    uint32_t len;
    if (read_u32(p, end, &len) || (size_t)(end - *p) < (size_t)len + 1 || (*p)[len] != 0) return -1;
    s->str[i] = (const char *)*p;
    s->len[i] = len;
    *p += len + 1;
  }
  return 0;
}

static int decode_list(const unsigned char **p, const unsigned char *end, struct step_list *l) {
  if (read_u32(p, end, &l->count) || l->count > MAX_STEPS) return -1;
  l->start = *p;
  struct step s;
  for (uint32_t i = 0; i < l->count; i++)
    if (decode_step(p, end, &s)) return -1;
  l->end = *p;
  return 0;
}

// ---------------------------------------------------------------------------
// Talking to the worker.

static void reply(const void *buf, size_t len) {
  // MSG_NOSIGNAL: a vanished worker must not kill PID 1 with SIGPIPE; the next
  // poll sees the hang-up and shuts the sandbox down.
  (void)send(CTL_FD, buf, len, MSG_NOSIGNAL);
}

static void reply_failed(uint32_t phase, uint32_t index, int err) {
  uint32_t msg[4] = {REPLY_FAILED, phase, index, (uint32_t)err};
  reply(msg, sizeof msg);
}

static int64_t monotonic_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

// ---------------------------------------------------------------------------
// Steps. Each returns 0 or an errno. Steps that only make sense in the child
// are run there; the worker's plan says which list a step belongs to.

static int passed_fd(const struct run *r, int64_t index) {
  return (index >= 0 && index < r->npassed) ? r->passed[index] : -1;
}

static int step_write_fd(const struct step *s, const struct run *r) {
  // Joining a cgroup: the worker opened the run's cgroup.procs on the host and
  // passed it; writing "0" moves the writer (cgroups(7), cgroup-v2.rst).
  int fd = passed_fd(r, step_int(s, 0));
  if (fd < 0) return EBADF;
  ssize_t n = write(fd, step_str(s, 0), s->len[0]);
  if (n < 0) return errno;
  return n == (ssize_t)s->len[0] ? 0 : EIO;
}

static int step_close_from(const struct step *s, const struct run *r) {
  // Close every inherited descriptor from the given one up, except the report
  // socket, which closes itself on exec and so proves the exec happened.
  unsigned int lowest = (unsigned int)step_int(s, 0);
  unsigned int keep = (unsigned int)r->report_fd;
  if (keep >= lowest) {
    if (keep > lowest && syscall(SYS_close_range, lowest, keep - 1, 0)) return errno;
    if (syscall(SYS_close_range, keep + 1, ~0U, 0)) return errno;
    return 0;
  }
  return syscall(SYS_close_range, lowest, ~0U, 0) ? errno : 0;
}

static int step_capset(const struct step *s) {
  // capset(2) with the v3 ABI: two 32-bit halves per set.
  struct {
    uint32_t version;
    int pid;
  } header = {0x20080522, 0};
  struct {
    uint32_t effective, permitted, inheritable;
  } data[2];
  for (int half = 0; half < 2; half++) {
    data[half].effective = (uint32_t)((uint64_t)step_int(s, 0) >> (32 * half));
    data[half].permitted = (uint32_t)((uint64_t)step_int(s, 1) >> (32 * half));
    data[half].inheritable = (uint32_t)((uint64_t)step_int(s, 2) >> (32 * half));
  }
  return syscall(SYS_capset, &header, data) ? errno : 0;
}

static int send_fd(int sock, uint32_t kind, int fd) {
  char control[CMSG_SPACE(sizeof(int))];
  memset(control, 0, sizeof control);
  struct iovec iov = {&kind, sizeof kind};
  struct msghdr msg = {
      .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
  struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
  cmsg->cmsg_level = SOL_SOCKET;
  cmsg->cmsg_type = SCM_RIGHTS;
  cmsg->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(cmsg), &fd, sizeof fd);
  return sendmsg(sock, &msg, MSG_NOSIGNAL) < 0 ? errno : 0;
}

static int step_seccomp(const struct step *s, const struct run *r) {
  // The filter was compiled by libseccomp in the worker. With
  // SECCOMP_FILTER_FLAG_NEW_LISTENER the kernel returns a notification fd; PID 1
  // watches it so a forbidden call can be named (seccomp_unotify(2)).
  struct sock_fprog prog = {.len = (unsigned short)(s->len[0] / sizeof(struct sock_filter)),
                            .filter = (struct sock_filter *)(uintptr_t)s->str[0]};
  if (s->len[0] % sizeof(struct sock_filter) != 0) return EINVAL;
  // The filter bytes sit in a static buffer at an arbitrary offset; copy them to
  // an aligned buffer, as the kernel reads them as an array of structs.
  static struct sock_filter aligned[BPF_MAXINSNS];
  if (prog.len > BPF_MAXINSNS) return E2BIG;
  memcpy(aligned, s->str[0], s->len[0]);
  prog.filter = aligned;
  unsigned int flags = (unsigned int)step_int(s, 0);
  long fd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog);
  if (fd < 0) return errno;
  if (flags & SECCOMP_FILTER_FLAG_NEW_LISTENER) {
    int err = send_fd(r->report_fd, CHILD_LISTENER, (int)fd);
    close((int)fd);
    return err;
  }
  return 0;
}

static int step_exec(const struct step *s, const struct run *r) {
  // Arguments: path, then argc argv strings, then envc environment strings.
  uint32_t argc = (uint32_t)step_int(s, 0), envc = (uint32_t)step_int(s, 1);
  if (s->nstr != 1 + argc + envc) return EINVAL;
  static char *argv[MAX_ARGS + 1], *envp[MAX_ARGS + 1];
  for (uint32_t i = 0; i < argc; i++) argv[i] = (char *)s->str[1 + i];
  argv[argc] = NULL;
  for (uint32_t i = 0; i < envc; i++) envp[i] = (char *)s->str[1 + argc + i];
  envp[envc] = NULL;
  // The last words before the program runs: when, and how much CPU the setup
  // after fork used, so the worker can leave it out of the program's time.
  struct timespec cpu;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
  int64_t record[3] = {CHILD_EXEC, monotonic_ns(), (int64_t)cpu.tv_sec * 1000000000 + cpu.tv_nsec};
  if (send(r->report_fd, record, sizeof record, MSG_NOSIGNAL) < 0) return errno;
  execve(s->str[0], argv, envp);
  return errno;
}

static int run_step(const struct step *s, const struct run *r) {
  switch (s->code) {
    case STEP_MOUNT:
      return mount(step_str_or_null(s, 0), step_str(s, 1), step_str_or_null(s, 2),
                   (unsigned long)step_int(s, 0), step_str_or_null(s, 3))
                 ? errno
                 : 0;
    case STEP_UMOUNT:
      return umount2(step_str(s, 0), (int)step_int(s, 0)) ? errno : 0;
    case STEP_MKDIR:
      return mkdir(step_str(s, 0), (mode_t)step_int(s, 0)) ? errno : 0;
    case STEP_CREATE_FILE: {
      // An empty regular file to bind-mount a single file or device onto.
      int fd =
          open(step_str(s, 0), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, (mode_t)step_int(s, 0));
      if (fd < 0) return errno;
      close(fd);
      return 0;
    }
    case STEP_SYMLINK:
      return symlink(step_str(s, 0), step_str(s, 1)) ? errno : 0;
    case STEP_CHDIR:
      return chdir(step_str(s, 0)) ? errno : 0;
    case STEP_PIVOT_ROOT:
      return syscall(SYS_pivot_root, step_str(s, 0), step_str(s, 1)) ? errno : 0;
    case STEP_SETHOSTNAME:
      return sethostname(step_str(s, 0), s->len[0]) ? errno : 0;
    case STEP_SCHED_SETSCHEDULER: {
      // Best effort when the third argument says so: a scheduling boost is not worth failing
      // the sandbox for (sched(7)).
      struct sched_param param = {.sched_priority = (int)step_int(s, 1)};
      if (sched_setscheduler(0, (int)step_int(s, 0), &param) == 0 || step_int(s, 2)) return 0;
      return errno;
    }
    case STEP_SCHED_SETAFFINITY: {
      // One CPU for PID 1, inherited by every process it forks (sched_setaffinity(2)).
      cpu_set_t set;
      CPU_ZERO(&set);
      CPU_SET((int)step_int(s, 0), &set);
      return sched_setaffinity(0, sizeof set, &set) ? errno : 0;
    }
    case STEP_UNSHARE:
      // New namespaces for the child alone (a fresh IPC namespace per run); its children are
      // born in them (unshare(2)).
      return unshare((int)step_int(s, 0)) ? errno : 0;
    case STEP_SETSID:
      return setsid() < 0 ? errno : 0;
    case STEP_WRITE_FD:
      return step_write_fd(s, r);
    case STEP_SETRLIMIT: {
      struct rlimit rl = {(rlim_t)step_int(s, 1), (rlim_t)step_int(s, 2)};
      return setrlimit((int)step_int(s, 0), &rl) ? errno : 0;
    }
    case STEP_DUP2: {
      int fd = passed_fd(r, step_int(s, 0));
      if (fd < 0) return EBADF;
      return dup2(fd, (int)step_int(s, 1)) < 0 ? errno : 0;
    }
    case STEP_CLOSE_FROM:
      return step_close_from(s, r);
    case STEP_UMASK:
      umask((mode_t)step_int(s, 0));
      return 0;
    case STEP_SETGROUPS:
      return setgroups(0, NULL) ? errno : 0;
    case STEP_SETRESGID: {
      gid_t g = (gid_t)step_int(s, 0);
      return setresgid(g, g, g) ? errno : 0;
    }
    case STEP_SETRESUID: {
      uid_t u = (uid_t)step_int(s, 0);
      return setresuid(u, u, u) ? errno : 0;
    }
    case STEP_CAPBSET_DROP:
      return prctl(PR_CAPBSET_DROP, (unsigned long)step_int(s, 0), 0, 0, 0) ? errno : 0;
    case STEP_CAP_AMBIENT_CLEAR:
      return prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) ? errno : 0;
    case STEP_SET_SECUREBITS:
      return prctl(PR_SET_SECUREBITS, (unsigned long)step_int(s, 0), 0, 0, 0) ? errno : 0;
    case STEP_CAPSET:
      return step_capset(s);
    case STEP_NO_NEW_PRIVS:
      return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ? errno : 0;
    case STEP_PDEATHSIG:
      return prctl(PR_SET_PDEATHSIG, (unsigned long)step_int(s, 0), 0, 0, 0) ? errno : 0;
    case STEP_SECCOMP:
      return step_seccomp(s, r);
    case STEP_EXEC:
      return step_exec(s, r);
    default:
      return ENOSYS;
  }
}

// Runs a list; on failure stores the failing index and returns the errno.
static int run_list(const struct step_list *l, const struct run *r, uint32_t *failed_index) {
  const unsigned char *p = l->start;
  static struct step s;
  for (uint32_t i = 0; i < l->count; i++) {
    decode_step(&p, l->end, &s);  // validated by decode_list
    int err = run_step(&s, r);
    if (err) {
      *failed_index = i;
      return err;
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Killing and reaping.

// Kills every process in the PID namespace but this one, and reaps until none
// is left. kill(-1) from PID 1 reaches all of them (kill(2)); a process forked
// while the signal was going out is caught by the next round.
static void kill_all_and_reap(void) {
  for (;;) {
    kill(-1, SIGKILL);
    pid_t pid = waitpid(-1, NULL, __WALL | WNOHANG);
    if (pid < 0 && errno == ECHILD) return;
    if (pid == 0) {
      struct timespec pause = {0, 200000};
      nanosleep(&pause, NULL);
    }
  }
}

// ---------------------------------------------------------------------------
// A run.

struct exit_report {
  uint32_t type;
  int32_t how;           // CLD_EXITED, CLD_KILLED, CLD_DUMPED; 0 if never started
  int32_t status;        // exit code or signal number
  int32_t violation_nr;  // the forbidden system call's number, or -1
  uint32_t violation_arch;
  uint32_t cleanup_failed_index;  // index of the failed cleanup step, or UINT32_MAX
  int32_t cleanup_errno;
  uint32_t padding;
  int64_t exit_ns;  // CLOCK_MONOTONIC when the main process was seen to exit
  int64_t utime_us;
  int64_t stime_us;
  int64_t maxrss_kb;
};
_Static_assert(sizeof(struct exit_report) == EXIT_REPORT_BYTES, "the worker reads 64 bytes");

static int pidfd_open(pid_t pid) {
  return (int)syscall(SYS_pidfd_open, pid, 0);
}

// Reads one record from the child's report socket. Returns 0 at end-of-file
// (the exec happened or the child died), else the record's kind.
static uint32_t read_report(int sock, int64_t record[3], int *listener) {
  char control[CMSG_SPACE(sizeof(int))];
  struct iovec iov = {record, 3 * sizeof(int64_t)};
  struct msghdr msg = {
      .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
  memset(record, 0, 3 * sizeof(int64_t));
  ssize_t n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
  if (n <= 0) return 0;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
      memcpy(listener, CMSG_DATA(c), sizeof(int));
  return (uint32_t)record[0];
}

// Reads a pending seccomp notification: the call that must not happen. The
// calling process stays blocked in the kernel until everything is killed.
static void read_violation(int listener, struct exit_report *report) {
  struct seccomp_notif notif;
  memset(&notif, 0, sizeof notif);
  if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &notif) == 0 && report->violation_nr < 0) {
    report->violation_nr = notif.data.nr;
    report->violation_arch = notif.data.arch;
  }
}

// What the child reported before its exec.
struct child_state {
  int failed;
  uint32_t failed_index;
  int32_t err;
  int64_t exec_record[3];
};

// Handles one record from the report socket; returns whether it is still open. At end-of-file
// (the socket closed on exec, or the child died) the worker learns the program started, if the
// child got as far as the exec.
static int take_report(int sock, struct child_state *child, int *listener) {
  int64_t record[3];
  uint32_t kind = read_report(sock, record, listener);
  if (kind == CHILD_EXEC) {
    memcpy(child->exec_record, record, sizeof record);
  } else if (kind == CHILD_FAILED) {
    child->failed = 1;
    child->failed_index = (uint32_t)record[1];
    child->err = (int32_t)record[2];
  } else if (kind == 0) {
    if (child->exec_record[0] == CHILD_EXEC && !child->failed) {
      int64_t started[3] = {REPLY_STARTED, child->exec_record[1], child->exec_record[2]};
      reply(started, sizeof started);
    }
    return 0;
  }
  return 1;
}

// The lists of a run message, decoded once.
struct run_lists {
  struct step_list prepare, child, cleanup;
};

// What PID 1 watches while the run's main process lives.
struct supervision {
  pid_t pid;
  int pidfd;
  int report;    // PID 1's end of the child's report socket, or -1 once it is at its end
  int listener;  // the seccomp notification fd, once the child sent it, or -1 once hung up
  struct child_state child;
  struct exit_report exit;
};

// Forks the run's child, which runs the child steps and execs, or reports the failing step and
// exits. Returns the child's pid, or -1 with the failed init_op in *op and errno set.
static pid_t start_child(const struct run_lists *lists, struct run *r, int report[2], int *op) {
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, report)) {
    *op = OP_SOCKETPAIR;
    return -1;
  }
  pid_t pid = fork();
  if (pid < 0) {
    int err = errno;
    close(report[0]);
    close(report[1]);
    *op = OP_FORK;
    errno = err;
    return -1;
  }
  if (pid == 0) {
    close(report[0]);
    r->report_fd = report[1];
    uint32_t index = 0;
    int err = run_list(&lists->child, r, &index);
    int64_t record[3] = {CHILD_FAILED, index, err};
    send(r->report_fd, record, sizeof record, MSG_NOSIGNAL);
    _exit(127);
  }
  close(report[1]);
  return pid;
}

// Takes the main process's exit status and rusage when its pidfd says it exited.
static int reap_main(struct supervision *sv) {
  struct rusage ru;
  int status;
  int64_t seen = monotonic_ns();
  if (wait4(sv->pid, &status, __WALL, &ru) != sv->pid) return 0;
  sv->exit.exit_ns = seen;
  if (WIFEXITED(status)) {
    sv->exit.how = CLD_EXITED;
    sv->exit.status = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    sv->exit.how = WCOREDUMP(status) ? CLD_DUMPED : CLD_KILLED;
    sv->exit.status = WTERMSIG(status);
  }
  sv->exit.utime_us = (int64_t)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec;
  sv->exit.stime_us = (int64_t)ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec;
  sv->exit.maxrss_kb = ru.ru_maxrss;
  return 1;
}

// Handles a message from the worker during a run. A hang-up or MSG_EXIT ends the sandbox.
static void take_control(short revents) {
  if (revents & (POLLHUP | POLLERR)) {
    kill_all_and_reap();
    _exit(0);
  }
  if (!(revents & POLLIN)) return;
  uint32_t type = 0;
  ssize_t n = recv(CTL_FD, &type, sizeof type, 0);
  if (n <= 0 || type == MSG_EXIT) {
    kill_all_and_reap();
    _exit(0);
  }
  if (type == MSG_KILL) kill(-1, SIGKILL);
}

// Waits until the main process exits, passing on the exec report, naming a forbidden call (and
// killing the run for it) and obeying the worker's kill. Returns 0, or -1 with errno from poll.
static int supervise(struct supervision *sv) {
  int listener_open = 1;
  for (;;) {
    struct pollfd p[4] = {{CTL_FD, POLLIN, 0},
                          {sv->report, POLLIN, 0},
                          {sv->pidfd, POLLIN, 0},
                          {listener_open ? sv->listener : -1, POLLIN, 0}};
    if (poll(p, 4, -1) < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (p[1].revents && !take_report(sv->report, &sv->child, &sv->listener)) sv->report = -1;
    if (sv->listener >= 0 && (p[3].revents & POLLIN)) {
      read_violation(sv->listener, &sv->exit);
      kill(-1, SIGKILL);
    } else if (p[3].revents & (POLLHUP | POLLERR)) {
      // The filter has no users left: the program is exiting, but its pidfd may not be readable
      // yet. A hung-up fd stays ready, so stop watching it, or this loop would spin (and, at a
      // real-time priority, keep the exiting program off the CPU).
      listener_open = 0;
    }
    take_control(p[0].revents);
    if ((p[2].revents & POLLIN) && reap_main(sv)) return 0;
  }
}

// After the main process: everything else of the run dies, the last reports are read, the
// cleanup steps run, and the worker gets the child's failure (if any) and the exit report.
static void finish_run(const struct run_lists *lists, struct run *r, struct supervision *sv) {
  // A violation may still be queued if the process died of something else first.
  if (sv->listener >= 0) {
    struct pollfd p = {sv->listener, POLLIN, 0};
    if (poll(&p, 1, 0) == 1 && (p.revents & POLLIN)) read_violation(sv->listener, &sv->exit);
  }
  kill_all_and_reap();
  // Drain the report socket: the exec record and the end-of-file may still be queued (a quick
  // program exits before the loop reads them), and a child that failed wrote its record.
  while (sv->report >= 0)
    if (!take_report(sv->report, &sv->child, &sv->listener)) sv->report = -1;
  uint32_t index;
  int err = run_list(&lists->cleanup, r, &index);
  if (err) {
    sv->exit.cleanup_failed_index = index;
    sv->exit.cleanup_errno = err;
  }
  if (sv->child.failed) reply_failed(PHASE_CHILD, sv->child.failed_index, sv->child.err);
  reply(&sv->exit, sizeof sv->exit);
}

// One run: prepare steps in PID 1, the child, its supervision, then cleanup and the reports. A
// failure of PID 1's own work kills whatever of the run exists and reports the operation. Once the
// child has the passed descriptors, PID 1 closes its copies and sets *nfds to 0.
static void serve_run(const unsigned char *payload, const unsigned char *end, int *fds, int *nfds) {
  struct run r = {.npassed = *nfds, .report_fd = -1};
  memcpy(r.passed, fds, sizeof(int) * (size_t)*nfds);
  struct run_lists lists;
  if (decode_list(&payload, end, &lists.prepare) || decode_list(&payload, end, &lists.child) ||
      decode_list(&payload, end, &lists.cleanup)) {
    reply_failed(PHASE_INIT, OP_DECODE, EBADMSG);
    return;
  }
  uint32_t index;
  int err = run_list(&lists.prepare, &r, &index);
  if (err) {
    reply_failed(PHASE_PREPARE, index, err);
    return;
  }
  int report[2], op = 0;
  pid_t pid = start_child(&lists, &r, report, &op);
  if (pid < 0) {
    reply_failed(PHASE_INIT, (uint32_t)op, errno);
    return;
  }
  // The run's descriptors are the child's now; PID 1 must not hold a pipe's end open.
  for (int i = 0; i < *nfds; i++) close(fds[i]);
  *nfds = 0;
  struct supervision sv = {
      .pid = pid,
      .pidfd = pidfd_open(pid),
      .report = report[0],
      .listener = -1,
      .exit = {.type = REPLY_EXITED, .violation_nr = -1, .cleanup_failed_index = UINT32_MAX}};
  if (sv.pidfd < 0)
    op = OP_PIDFD_OPEN;
  else if (supervise(&sv))
    op = OP_POLL;
  if (op) {
    err = errno;
    kill_all_and_reap();
    reply_failed(PHASE_INIT, (uint32_t)op, err);
  } else {
    finish_run(&lists, &r, &sv);
  }
  close(report[0]);
  if (sv.pidfd >= 0) close(sv.pidfd);
  if (sv.listener >= 0) close(sv.listener);
}

// ---------------------------------------------------------------------------

// The sandbox's setup: build the root filesystem and pivot into it, then say so.
static void serve_setup(const unsigned char *payload, const unsigned char *end) {
  struct step_list setup;
  uint32_t index;
  struct run none = {.npassed = 0, .report_fd = -1};
  if (decode_list(&payload, end, &setup)) {
    reply_failed(PHASE_INIT, OP_DECODE, EBADMSG);
    return;
  }
  int err = run_list(&setup, &none, &index);
  if (err) {
    reply_failed(PHASE_SETUP, index, err);
    return;
  }
  uint32_t ready = REPLY_READY;
  reply(&ready, sizeof ready);
}

static ssize_t receive(int *fds, int *nfds) {
  char control[CMSG_SPACE(sizeof(int) * MAX_PASSED_FDS)];
  struct iovec iov = {message, sizeof message};
  struct msghdr msg = {
      .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
  *nfds = 0;
  ssize_t n;
  do {
    n = recvmsg(CTL_FD, &msg, MSG_CMSG_CLOEXEC);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) return n;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    int count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
    for (int i = 0; i < count && *nfds < MAX_PASSED_FDS; i++)
      memcpy(&fds[(*nfds)++], CMSG_DATA(c) + i * sizeof(int), sizeof(int));
  }
  if (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) return -1;
  return n;
}

int main(void) {
  // Nothing but the control socket may cross from the worker into the sandbox,
  // whatever the JVM left open without close-on-exec.
  syscall(SYS_close_range, CTL_FD + 1, ~0U, 0);
  fcntl(CTL_FD, F_SETFD, FD_CLOEXEC);

  int fds[MAX_PASSED_FDS], nfds;
  for (;;) {
    ssize_t n = receive(fds, &nfds);
    if (n < 4) break;
    uint32_t type;
    memcpy(&type, message, 4);
    const unsigned char *payload = message + 4, *end = message + n;
    if (type == MSG_SETUP) {
      serve_setup(payload, end);
    } else if (type == MSG_RUN) {
      serve_run(payload, end, fds, &nfds);
    } else if (type == MSG_EXIT) {
      break;
    }
    for (int i = 0; i < nfds; i++) close(fds[i]);
  }
  kill_all_and_reap();
  return 0;
}
