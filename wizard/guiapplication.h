#pragma once

class QApplication;

// Parses the GUI flags (--demo, --screenshot FILE, --page NAME, a .handover file), builds the wizard and runs
// the event loop. Returns the process exit code.
int runGuiApplication(QApplication &app);
