package org.sealmail.rights.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;

/** Request bodies that are not a JSON object are MALFORMED_REQUEST (400), never a server error. */
class JsonBodyTest {

    @Test
    void nullAnArrayAndGarbageAreMalformedRequests() {
        for (String body : new String[] {"null", "[1,2]", "{\"licensee\":", "\"text\""}) {
            assertThatThrownBy(() -> JsonBody.parse(body.getBytes(StandardCharsets.UTF_8))).as(body)
                    .isInstanceOfSatisfying(RightsProblem.class, problem ->
                            assertThat(problem.reason()).isEqualTo(ProblemReason.MALFORMED_REQUEST))
                    .hasMessageStartingWith("the request body is not a JSON object");
        }
    }

    @Test
    void anObjectIsRead() {
        assertThat(JsonBody.parse("{\"licensee\":\"bob@example.test\"}".getBytes(StandardCharsets.UTF_8))
                .string("licensee")).isEqualTo("bob@example.test");
    }
}
