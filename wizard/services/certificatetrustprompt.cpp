#include "certificatetrustprompt.h"

#include "apierrortext.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QMessageBox>

CertificateTrustPrompt::CertificateTrustPrompt(QWidget *parent)
    : m_parent(parent)
{}

void CertificateTrustPrompt::askTrust(const QString &serverDescription, const CertificateInfo &certificate,
                                      std::function<void(bool trusted)> answer)
{
    auto *box = new QMessageBox(m_parent);
    box->setObjectName(QStringLiteral("certificateTrustDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(QCoreApplication::translate("CertificateTrustPrompt", "Untrusted certificate"));
    box->setText(QCoreApplication::translate("CertificateTrustPrompt",
                                             "The system does not trust the TLS certificate of %1.")
                     .arg(serverDescription));
    box->setInformativeText(QCoreApplication::translate(
                                "CertificateTrustPrompt",
                                "%1\n\nTrust it only if you recognise this fingerprint (compare it on the "
                                "server). Handover will then accept exactly this certificate for this server "
                                "and refuse any other.")
                                .arg(ApiErrorText::describeCertificate(certificate)));
    if (!certificate.sslErrors.isEmpty())
        box->setDetailedText(certificate.sslErrors.join(QLatin1Char('\n')));
    box->setStandardButtons(QMessageBox::Yes | QMessageBox::No);
    box->setDefaultButton(QMessageBox::No);
    box->button(QMessageBox::Yes)
        ->setText(QCoreApplication::translate("CertificateTrustPrompt", "&Trust this certificate"));
    box->button(QMessageBox::Yes)->setObjectName(QStringLiteral("trustCertificateButton"));
    box->button(QMessageBox::No)->setObjectName(QStringLiteral("refuseCertificateButton"));
    auto called = std::make_shared<bool>(false);
    QObject::connect(box, &QMessageBox::finished, box, [answer, called, box](int) {
        if (*called)
            return;
        *called = true;
        answer(box->clickedButton() == box->button(QMessageBox::Yes));
    });
    box->open();
}
