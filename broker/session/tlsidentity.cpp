#include "tlsidentity.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

QString TlsIdentity::load(const BrokerSettings &settings, QSslConfiguration *config) {
    if (!QSslSocket::supportsSsl())
        return tr("TLS is not available: no usable TLS library (%1)")
            .arg(QSslSocket::sslLibraryBuildVersionString());
    QFile certificateFile(settings.tlsCertificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return tr("cannot read the TLS certificate \"%1\": %2")
            .arg(settings.tlsCertificatePath, certificateFile.errorString());
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll());
    if (chain.isEmpty() || chain.constFirst().isNull())
        return tr("no PEM certificate in \"%1\"").arg(settings.tlsCertificatePath);
    QFile keyFile(settings.tlsKeyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return tr("cannot read the TLS key \"%1\": %2")
            .arg(settings.tlsKeyPath, keyFile.errorString());
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return tr("no unencrypted PEM private key in \"%1\"").arg(settings.tlsKeyPath);
    *config = QSslConfiguration::defaultConfiguration();
    config->setLocalCertificateChain(chain);
    config->setPrivateKey(key);
    config->setPeerVerifyMode(QSslSocket::VerifyNone); // clients need no certificate
    return {};
}
