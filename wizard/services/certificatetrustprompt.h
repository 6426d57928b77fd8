#pragma once

#include "certificatetrustservice.h"

#include <QPointer>
#include <QWidget>

// The TLS trust prompt: a window-modal message box opened with open() (no nested event loop) showing the
// subject, issuer, validity and SHA-256 fingerprint. Object name: certificateTrustDialog.
class CertificateTrustPrompt : public CertificateTrustService
{
public:
    explicit CertificateTrustPrompt(QWidget *parent);
    void askTrust(const QString &serverDescription, const CertificateInfo &certificate,
                  std::function<void(bool trusted)> answer) override;

private:
    QPointer<QWidget> m_parent;
};
