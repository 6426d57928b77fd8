#pragma once

#include <QString>

// Who is at the keyboard, by the operating system's login name (USER, USERNAME on Windows, LOGNAME): the
// default "by" of a tick in the cutover journal and of a script-audit mark. Empty when none is set.
inline QString osUserName()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString user = qEnvironmentVariable(name);
        if (!user.isEmpty())
            return user;
    }
    return {};
}
