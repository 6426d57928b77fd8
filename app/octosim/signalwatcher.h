#pragma once

class QCoreApplication;

namespace octosim {

// Makes SIGTERM/SIGINT (or the platform's equivalent) end the event loop of `app`, so that shutdown runs
// normal destructors. The one platform-specific file of octosim: signalwatcher_posix.cpp (a self-pipe and
// sigaction), signalwatcher_other.cpp elsewhere (the C signal handler quits directly).
void quitOnTerminationSignals(QCoreApplication &app);

// Makes end of file on standard input (the parent closed its end of the pipe, or died) end the event loop of
// `app`. Whatever is read from standard input before that is discarded.
void quitWhenStdinCloses(QCoreApplication &app);

// Closing `socketDescriptor` afterwards sends a TCP RST instead of a FIN (SO_LINGER 0), where supported.
void resetOnClose(long long socketDescriptor);

} // namespace octosim
