package org.sealmail.app.rights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the members of a rights-server JSON answer; a missing or mistyped member is an {@code UNEXPECTED_RESPONSE}. */
final class JsonMembers {

    private final Map<String, Object> json;
    private final String what;

    JsonMembers(Map<String, Object> json, String what) {
        this.json = json;
        this.what = what;
    }

    String string(String name) {
        return optionalString(name).orElseThrow(() -> unexpected("member '" + name + "' is missing or not a string"));
    }

    Optional<String> optionalString(String name) {
        Object value = json.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw unexpected("member '" + name + "' is not a string");
    }

    Optional<Instant> instant(String name) {
        Object value = json.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number) {
            return Optional.of(Instant.ofEpochSecond(number.longValue()));
        }
        throw unexpected("member '" + name + "' is not a number of seconds");
    }

    Instant requiredInstant(String name) {
        return instant(name).orElseThrow(() -> unexpected("member '" + name + "' is missing"));
    }

    boolean bool(String name) {
        return Boolean.TRUE.equals(json.get(name));
    }

    List<String> strings(String name) {
        List<String> values = new ArrayList<>();
        if (json.get(name) instanceof List<?> list) {
            for (Object item : list) {
                values.add(String.valueOf(item));
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    List<JsonMembers> objects(String name) {
        List<JsonMembers> values = new ArrayList<>();
        if (json.get(name) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    values.add(new JsonMembers((Map<String, Object>) map, what + "." + name));
                }
            }
        }
        return values;
    }

    RightsServerProblem unexpected(String why) {
        return new RightsServerProblem(RightsServerProblem.UNEXPECTED_RESPONSE, 200, "the " + what + " answer is not as"
                + " documented: " + why, Map.of(), null);
    }
}
