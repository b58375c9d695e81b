package org.sealmail.rights.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sealmail.rights.keys.ServerKey;
import org.sealmail.rights.keys.ServerKeyRing;

/** The body of {@code GET /api/v1/keys} (docs/rights-server-api.md §1). */
public final class KeysJson {

    private KeysJson() {
    }

    /**
     * @param ring the service's keys
     * @return {@code {"keys": [{"kid", "alg", "x5c", "current"}]}}
     */
    public static Map<String, Object> of(ServerKeyRing ring) {
        List<Object> keys = new ArrayList<>();
        for (ServerKey key : ring.keys()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kid", key.kid());
            entry.put("alg", key.wrapAlgorithm().getName());
            List<String> x5c = new ArrayList<>();
            key.x5c().forEach(value -> x5c.add(value.toString()));
            entry.put("x5c", x5c);
            entry.put("current", key.equals(ring.current()));
            keys.add(entry);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("keys", keys);
        return json;
    }
}
