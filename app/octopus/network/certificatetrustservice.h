#pragma once

#include "certificateinfo.h"

#include <QString>

#include <functional>

// Asks the user whether to trust a certificate the system trust store could not verify. The wizard shows a
// dialog (without blocking the event loop); tests answer directly; the command line never asks (it takes
// --trust-fingerprint instead). `answer` is called exactly once.
class CertificateTrustService
{
public:
    virtual ~CertificateTrustService() = default;
    virtual void askTrust(const QString &serverDescription, const CertificateInfo &certificate,
                          std::function<void(bool trusted)> answer) = 0;
};
