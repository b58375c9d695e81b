package org.sealmail.rights.http;

import io.javalin.http.Context;
import java.util.Map;
import org.sealmail.rights.json.JsonBody;
import org.sealmail.rights.problem.RightsProblem;

/** Writes JSON and {@code application/problem+json} (RFC 9457) responses, never cached. */
public final class HttpResponses {

    private HttpResponses() {
    }

    /**
     * @param ctx the request
     * @param status HTTP status
     * @param body the JSON object
     */
    public static void json(Context ctx, int status, Map<String, ?> body) {
        ctx.status(status).header("Cache-Control", "no-store").contentType("application/json; charset=UTF-8")
                .result(JsonBody.write(body));
    }

    /**
     * @param ctx the request
     * @param problem the refusal; {@code retry_after} also becomes a Retry-After header (RFC 9110 §10.2.3)
     */
    public static void problem(Context ctx, RightsProblem problem) {
        Object retry = problem.extras().get("retry_after");
        if (retry != null) {
            ctx.header("Retry-After", retry.toString());
        }
        ctx.status(problem.reason().status()).header("Cache-Control", "no-store")
                .contentType("application/problem+json; charset=UTF-8").result(JsonBody.write(problem.toJson()));
    }
}
