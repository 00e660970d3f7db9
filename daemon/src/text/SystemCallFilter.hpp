#pragma once
/// The system calls a worker gives up once its libraries are loaded (libseccomp), so that code
/// that an attacker's file takes over inside Tesseract, Leptonica, poppler or qpdf cannot reach
/// out of the worker:
///  - the process is killed (SIGSYS) on any network call (socket, connect, bind, listen, accept,
///    sendto to an address …), on running a program (execve, execveat), on forking a process
///    (fork, vfork; clone without CLONE_THREAD), on ptrace and process_vm_*, on loading kernel
///    modules, mounting, namespaces, keys, bpf, perf events, reboot and the like;
///  - opening a file for writing or creating one (open/openat with O_WRONLY, O_RDWR, O_CREAT or
///    O_TRUNC; creat, openat2), and removing, renaming, linking or changing the mode or owner
///    of files fail with EPERM: a library that tries a temporary file gets an error, not a kill.
/// Reading files stays allowed (poppler's fontconfig reads fonts while it renders), as do memory,
/// threads, time and the worker's own socket (sendmsg, recvmsg).
///
/// It is a deny list of what decoding and OCR never need, not an allow list: the worker tests,
/// the hostile-file intake test and the OCR tests ran with it, and a call missing from the list
/// only costs what a worker could do as its unprivileged user anyway.

namespace inkorg::text {

/// Installs the filter on the calling process (with all its threads; needs no_new_privs or
/// CAP_SYS_ADMIN, and sets no_new_privs itself). Throws std::runtime_error when it cannot.
void restrictSystemCalls();

} // namespace inkorg::text
