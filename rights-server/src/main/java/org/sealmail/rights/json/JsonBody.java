package org.sealmail.rights.json;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;

/**
 * A JSON request body (RFC 8259 object) read member by member; a missing or mistyped member is
 * refused as {@link ProblemReason#MALFORMED_REQUEST} naming the member.
 */
public final class JsonBody {

    private final Map<String, Object> object;
    private final String where;

    private JsonBody(Map<String, Object> object, String where) {
        this.object = object;
        this.where = where;
    }

    /**
     * @param body the request body bytes (UTF-8)
     * @return the parsed object
     * @throws RightsProblem MALFORMED_REQUEST if it is not a JSON object
     */
    public static JsonBody parse(byte[] body) {
        try {
            Map<String, Object> parsed = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
            if (parsed == null) {
                throw new RightsProblem(ProblemReason.MALFORMED_REQUEST, "the request body is not a JSON object: it is null");
            }
            return new JsonBody(parsed, "request body");
        } catch (ParseException e) {
            throw new RightsProblem(ProblemReason.MALFORMED_REQUEST, "the request body is not a JSON object: " + e.getMessage(), e);
        }
    }

    /** @return the underlying map (read only use) */
    public Map<String, Object> asMap() {
        return object;
    }

    /**
     * @param member a member name
     * @return its string value
     * @throws RightsProblem MALFORMED_REQUEST if it is missing or not a string
     */
    public String string(String member) {
        return optionalString(member).orElseThrow(() -> new RightsProblem(ProblemReason.MALFORMED_REQUEST,
                where + ": member '" + member + "' is missing"));
    }

    /**
     * @param member a member name
     * @return its string value, empty if absent or null
     * @throws RightsProblem MALFORMED_REQUEST if present but not a string
     */
    public Optional<String> optionalString(String member) {
        Object value = object.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new RightsProblem(ProblemReason.MALFORMED_REQUEST, where + ": member '" + member + "' is not a string");
        }
        return Optional.of(text);
    }

    /**
     * @param member a member name
     * @return its integral value, empty if absent or null
     * @throws RightsProblem MALFORMED_REQUEST if present but not an integer
     */
    public Optional<Long> optionalLong(String member) {
        Object value = object.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return Optional.of(number.longValue());
        }
        throw new RightsProblem(ProblemReason.MALFORMED_REQUEST, where + ": member '" + member + "' is not an integer");
    }

    /**
     * @param member a member name
     * @return true if the member is present with a non-null value
     */
    public boolean has(String member) {
        return object.get(member) != null;
    }

    /**
     * @param member a member name
     * @return the member as an object, empty if absent or null
     * @throws RightsProblem MALFORMED_REQUEST if present but not an object
     */
    public Optional<JsonBody> optionalObject(String member) {
        Object value = object.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new RightsProblem(ProblemReason.MALFORMED_REQUEST, where + ": member '" + member + "' is not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return Optional.of(new JsonBody(typed, where + "." + member));
    }

    /**
     * @param member a member name
     * @return the member as an object
     * @throws RightsProblem MALFORMED_REQUEST if missing or not an object
     */
    public JsonBody object(String member) {
        return optionalObject(member).orElseThrow(() -> new RightsProblem(ProblemReason.MALFORMED_REQUEST,
                where + ": member '" + member + "' is missing"));
    }

    /**
     * @param value a JSON-compatible map
     * @return its JSON text
     */
    public static String write(Map<String, ?> value) {
        return JSONObjectUtils.toJSONString(value);
    }
}
