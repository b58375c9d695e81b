package org.sealmail.crypto;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The JCA provider every crypto class of Sealmail uses: Bouncy Castle, registered once. */
public final class CryptoProvider {

    private static final Provider PROVIDER;

    static {
        Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (existing == null) {
            existing = new BouncyCastleProvider();
            Security.addProvider(existing);
        }
        PROVIDER = existing;
    }

    private CryptoProvider() {
    }

    /** @return the Bouncy Castle provider, registered with {@link Security} */
    public static Provider get() {
        return PROVIDER;
    }

    /** @return the registered name of the provider ("BC") */
    public static String name() {
        return PROVIDER.getName();
    }
}
