#include "text/SystemCallFilter.hpp"

#include <seccomp.h>

#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <sched.h>
#include <stdexcept>
#include <string>

namespace inkorg::text {
namespace {

struct FilterFree {
    void operator()(void* filter) const { seccomp_release(filter); }
};
using Filter = std::unique_ptr<void, FilterFree>;

/// Calls that kill the worker: reaching out of it.
constexpr int kills[] = {
    SCMP_SYS(socket), SCMP_SYS(socketpair), SCMP_SYS(connect), SCMP_SYS(bind), SCMP_SYS(listen),
    SCMP_SYS(accept), SCMP_SYS(accept4), SCMP_SYS(sendmmsg), SCMP_SYS(setsockopt),
    SCMP_SYS(execve), SCMP_SYS(execveat), SCMP_SYS(fork), SCMP_SYS(vfork),
    SCMP_SYS(ptrace), SCMP_SYS(process_vm_readv), SCMP_SYS(process_vm_writev), SCMP_SYS(kcmp),
    SCMP_SYS(pidfd_open), SCMP_SYS(pidfd_getfd), SCMP_SYS(pidfd_send_signal),
    SCMP_SYS(init_module), SCMP_SYS(finit_module), SCMP_SYS(delete_module), SCMP_SYS(kexec_load),
    SCMP_SYS(kexec_file_load), SCMP_SYS(mount), SCMP_SYS(umount2), SCMP_SYS(pivot_root),
    SCMP_SYS(chroot), SCMP_SYS(unshare), SCMP_SYS(setns), SCMP_SYS(add_key), SCMP_SYS(request_key),
    SCMP_SYS(keyctl), SCMP_SYS(bpf), SCMP_SYS(perf_event_open), SCMP_SYS(userfaultfd),
    SCMP_SYS(reboot), SCMP_SYS(swapon), SCMP_SYS(swapoff), SCMP_SYS(acct), SCMP_SYS(quotactl),
    SCMP_SYS(setuid), SCMP_SYS(setgid), SCMP_SYS(setreuid), SCMP_SYS(setregid), SCMP_SYS(setresuid),
    SCMP_SYS(setresgid), SCMP_SYS(setgroups), SCMP_SYS(setfsuid), SCMP_SYS(setfsgid),
    SCMP_SYS(personality), SCMP_SYS(io_uring_setup), SCMP_SYS(io_uring_enter),
    SCMP_SYS(io_uring_register), SCMP_SYS(open_by_handle_at), SCMP_SYS(name_to_handle_at),
};

/// Calls that fail with EPERM: changing the file system.
constexpr int refusals[] = {
    SCMP_SYS(creat), SCMP_SYS(openat2), SCMP_SYS(unlink), SCMP_SYS(unlinkat), SCMP_SYS(rename),
    SCMP_SYS(renameat), SCMP_SYS(renameat2), SCMP_SYS(link), SCMP_SYS(linkat), SCMP_SYS(symlink),
    SCMP_SYS(symlinkat), SCMP_SYS(mkdir), SCMP_SYS(mkdirat), SCMP_SYS(rmdir), SCMP_SYS(mknod),
    SCMP_SYS(mknodat), SCMP_SYS(chmod), SCMP_SYS(fchmod), SCMP_SYS(fchmodat), SCMP_SYS(chown),
    SCMP_SYS(fchown), SCMP_SYS(lchown), SCMP_SYS(fchownat), SCMP_SYS(truncate), SCMP_SYS(utimensat),
    SCMP_SYS(utimes), SCMP_SYS(utime), SCMP_SYS(setxattr), SCMP_SYS(lsetxattr), SCMP_SYS(fsetxattr),
    SCMP_SYS(removexattr), SCMP_SYS(lremovexattr), SCMP_SYS(fremovexattr),
};

void add(void* filter, std::uint32_t action, int call, std::initializer_list<scmp_arg_cmp> arguments = {})
{
    const int result = seccomp_rule_add_array(filter, action, call, unsigned(arguments.size()), std::data(arguments));
    // A call this kernel or architecture does not have cannot be made anyway.
    if (result != 0 && result != -EDOM && result != -EFAULT)
        throw std::runtime_error("seccomp rule for system call " + std::to_string(call) + " failed: " + std::to_string(result));
}

} // namespace

void restrictSystemCalls()
{
    Filter filter{seccomp_init(SCMP_ACT_ALLOW)};
    if (!filter) throw std::runtime_error("seccomp_init failed");
    for (int call : kills) add(filter.get(), SCMP_ACT_KILL_PROCESS, call);
    for (int call : refusals) add(filter.get(), SCMP_ACT_ERRNO(EPERM), call);
    // Threads (CLONE_THREAD) are allowed, new processes are not. clone3 passes its flags in
    // memory a filter cannot read: ENOSYS makes glibc fall back to clone.
    add(filter.get(), SCMP_ACT_KILL_PROCESS, SCMP_SYS(clone), {SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0)});
    add(filter.get(), SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3));
    // send() is sendto without an address: only sending to an address is reaching out.
    add(filter.get(), SCMP_ACT_KILL_PROCESS, SCMP_SYS(sendto), {SCMP_A4(SCMP_CMP_NE, 0)});
    // Rules of one call and action apply when any of them matches: one per flag that writes.
    for (const scmp_datum_t flag : {O_WRONLY, O_RDWR, O_CREAT, O_TRUNC}) {
        add(filter.get(), SCMP_ACT_ERRNO(EPERM), SCMP_SYS(open), {SCMP_A1(SCMP_CMP_MASKED_EQ, flag, flag)});
        add(filter.get(), SCMP_ACT_ERRNO(EPERM), SCMP_SYS(openat), {SCMP_A2(SCMP_CMP_MASKED_EQ, flag, flag)});
    }
    if (const int result = seccomp_load(filter.get()); result != 0)
        throw std::runtime_error("seccomp_load failed: " + std::to_string(result));
}

} // namespace inkorg::text
