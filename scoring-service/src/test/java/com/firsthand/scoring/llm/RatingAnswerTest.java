package com.firsthand.scoring.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firsthand.scoring.domain.TokenUsage;
import org.junit.jupiter.api.Test;

class RatingAnswerTest {

    @Test
    void bareJsonIsTheAnswer() {
        assertThat(RatingAnswer.parse(" {\"rating\":4,\"reasoning\":\"Sharp.\"}\n"))
                .isEqualTo(new RatingAnswer(4, "Sharp.", TokenUsage.NONE));
    }

    @Test
    void jsonInAMarkdownFenceIsTheAnswer() {
        assertThat(RatingAnswer.parse("```json\n{\"rating\":3,\"reasoning\":\"Usable.\"}\n```").rating()).isEqualTo(3);
        assertThat(RatingAnswer.parse("```\n{\"rating\":2,\"reasoning\":\"Blurred.\"}\n```").rating()).isEqualTo(2);
        assertThat(RatingAnswer.parse("Here is my rating:\n```JSON\n{\"rating\":5,\"reasoning\":\"Great {x}.\"}```\n"
                + "Let me know {if} you need more.").reasoning()).isEqualTo("Great {x}.");
    }

    @Test
    void proseAroundASingleObjectIsTolerated() {
        RatingAnswer answer = RatingAnswer.parse("Sure! {\"rating\":4,\"reasoning\":\"A \\\"clear\\\" mailbox } "
                + "in daylight.\"} Hope this helps.");
        assertThat(answer.rating()).isEqualTo(4);
        assertThat(answer.reasoning()).isEqualTo("A \"clear\" mailbox } in daylight.");
    }

    @Test
    void ambiguousOrMissingJsonIsNotGuessedAt() {
        assertThatThrownBy(() -> RatingAnswer.parse("I think it deserves four stars"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> RatingAnswer.parse("Either {\"rating\":1,\"reasoning\":\"a\"} or "
                + "{\"rating\":5,\"reasoning\":\"b\"}")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> RatingAnswer.parse("{\"rating\":1,\"reasoning\":\"a\"} {\"rating\":5,\"reasoning\":\"b\"}"))
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> RatingAnswer.parse("```json\n{\"rating\":1,\"reasoning\":\"a\"}\n```\n```json\n"
                + "{\"rating\":5,\"reasoning\":\"b\"}\n```")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> RatingAnswer.parse("```json\n{\"rating\":4,\"reasoning\":\"cut"))
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> RatingAnswer.parse("```json\n{\"rating\":7,\"reasoning\":\"x\"}\n```"))
                .hasMessageContaining("rating from 1 to 5");
    }
}
