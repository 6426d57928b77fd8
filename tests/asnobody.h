#pragma once

#include <QtGlobal>

#include <unistd.h>

// Drops the effective user id to nobody while it lives, so that a test run as root (which ignores
// permissions) still meets a folder it may not write. ok() is false when the switch failed.
class AsNobody
{
public:
    AsNobody()
        : m_was(geteuid())
    {
        if (m_was == 0)
            m_ok = seteuid(65534) == 0;
    }
    ~AsNobody()
    {
        if (m_was == 0 && m_ok && seteuid(0) != 0)
            qFatal("cannot become root again");
    }
    AsNobody(const AsNobody &) = delete;
    AsNobody &operator=(const AsNobody &) = delete;
    bool ok() const { return m_was != 0 || m_ok; }

private:
    uid_t m_was;
    bool m_ok = false;
};
