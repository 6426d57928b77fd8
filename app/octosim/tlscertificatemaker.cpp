#include "tlscertificatemaker.h"

#include <QCryptographicHash>
#include <QFile>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace octosim {

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool ok = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return ok;
}

QByteArray readBio(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

} // namespace

bool TlsCertificateMaker::makeSelfSigned(const QString &commonName, QSslCertificate *certificate,
                                         QSslKey *key, QString *error)
{
    PkeyPtr pkey(EVP_EC_gen("P-256"));
    X509Ptr x509(X509_new());
    if (!pkey || !x509) {
        *error = QStringLiteral("OpenSSL could not create a key pair");
        return false;
    }
    X509_set_version(x509.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(x509.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(x509.get()), -24 * 3600);
    X509_gmtime_adj(X509_getm_notAfter(x509.get()), 365L * 24 * 3600);
    X509_set_pubkey(x509.get(), pkey.get());
    X509_NAME *name = X509_get_subject_name(x509.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("octosim"),
                               -1, -1, 0);
    X509_set_issuer_name(x509.get(), name);
    const bool extensions =
        addExtension(x509.get(), NID_basic_constraints, "critical,CA:TRUE") &&
        addExtension(x509.get(), NID_key_usage, "critical,digitalSignature,keyCertSign") &&
        addExtension(x509.get(), NID_ext_key_usage, "serverAuth") &&
        addExtension(x509.get(), NID_subject_key_identifier, "hash") &&
        addExtension(x509.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
    if (!extensions || X509_sign(x509.get(), pkey.get(), EVP_sha256()) == 0) {
        *error = QStringLiteral("OpenSSL could not sign the certificate");
        return false;
    }
    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(certBio.get(), x509.get());
    PEM_write_bio_PrivateKey(keyBio.get(), pkey.get(), nullptr, nullptr, 0, nullptr, nullptr);
    *certificate = QSslCertificate(readBio(certBio.get()), QSsl::Pem);
    *key = QSslKey(readBio(keyBio.get()), QSsl::Ec, QSsl::Pem);
    if (certificate->isNull() || key->isNull()) {
        *error = QStringLiteral("Qt could not read the generated certificate");
        return false;
    }
    return true;
}

bool TlsCertificateMaker::load(const QString &certFile, const QString &keyFile, QSslCertificate *certificate,
                               QSslKey *key, QString *error)
{
    QFile cert(certFile);
    QFile keyDevice(keyFile);
    if (!cert.open(QIODevice::ReadOnly) || !keyDevice.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1 or %2").arg(certFile, keyFile);
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyDevice.readAll();
    if (certificates.isEmpty()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(certFile);
        return false;
    }
    *certificate = certificates.first();
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        *key = QSslKey(keyPem, algorithm, QSsl::Pem);
        if (!key->isNull())
            return true;
    }
    *error = QStringLiteral("%1 holds no PEM private key Qt can read").arg(keyFile);
    return false;
}

QString TlsCertificateMaker::thumbprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex().toUpper());
}

} // namespace octosim
