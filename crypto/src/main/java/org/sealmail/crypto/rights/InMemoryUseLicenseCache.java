package org.sealmail.crypto.rights;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link UseLicenseCache} held in memory, for tests and for the command line until the
 * store's encrypted cache is wired in. Nothing survives the process; thread-safe.
 */
public final class InMemoryUseLicenseCache implements UseLicenseCache {

    private record Key(String contentId, String licensee) {
    }

    private final Map<Key, CachedUseLicense> licenses = new ConcurrentHashMap<>();

    @Override
    public Optional<CachedUseLicense> find(String contentId, String licensee) {
        return Optional.ofNullable(licenses.get(key(contentId, licensee)));
    }

    @Override
    public void put(CachedUseLicense license) {
        licenses.put(key(license.contentId(), license.licensee()), license);
    }

    @Override
    public int removeExpired(Instant now) {
        int[] removed = {0};
        licenses.values().removeIf(license -> {
            boolean expired = license.notAfter().isBefore(now);
            if (expired) {
                removed[0]++;
            }
            return expired;
        });
        return removed[0];
    }

    /** @return how many licenses are held */
    public int size() {
        return licenses.size();
    }

    private static Key key(String contentId, String licensee) {
        return new Key(contentId, licensee.trim().toLowerCase(Locale.ROOT));
    }
}
