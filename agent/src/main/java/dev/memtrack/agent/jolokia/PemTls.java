package dev.memtrack.agent.jolokia;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.jolokia.jvmagent.security.KeyStoreUtil;

/** Builds the TLS context of the endpoint from a PEM certificate (chain) and its PEM private key. */
final class PemTls {

    private PemTls() {
    }

    static SSLContext context(Path certificate, Path privateKey) throws IOException, GeneralSecurityException {
        String algorithm;
        try (InputStream in = Files.newInputStream(certificate)) {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("jolokia.https.cert '" + certificate + "' holds no certificate");
            }
            algorithm = chain.iterator().next().getPublicKey().getAlgorithm();
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        char[] noPassword = new char[0];
        KeyStoreUtil.updateWithServerCertificate(keyStore, certificate.toFile(), privateKey.toFile(), algorithm,
                noPassword);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, noPassword);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }
}
