package com.firsthand.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.events.EventJson;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsumerRetryPolicyTest {

    private final ConsumerRetryPolicy policy = new ConsumerRetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofMinutes(2));

    @Test
    void aFailingEventIsRetriedWithDoublingWaitsThenGivenUp() {
        RuntimeException failure = new IllegalStateException("credential update failed",
                new SQLException("duplicate key", "23505"));

        assertThat(policy.next(1, Duration.ZERO, failure)).contains(Duration.ofMillis(200));
        assertThat(policy.next(2, Duration.ZERO, failure)).contains(Duration.ofMillis(400));
        assertThat(policy.next(3, Duration.ZERO, failure)).contains(Duration.ofMillis(800));
        assertThat(policy.next(4, Duration.ZERO, failure)).contains(Duration.ofMillis(1600));
        assertThat(policy.next(5, Duration.ZERO, failure)).isEmpty();
    }

    @Test
    void waitsAreCappedAtTheMaximum() {
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(60)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aMalformedEventIsGivenUpOnAtOnce() {
        RuntimeException malformed = new IllegalStateException("wrapped",
                new EventJson.MalformedEventException("payload is not a CredentialChanged", null));

        assertThat(policy.next(1, Duration.ZERO, malformed)).isEmpty();
    }

    @Test
    void aDatabaseOutageIsNotTheEventsFaultAndIsRetriedForEver() {
        RuntimeException outage = new IllegalStateException("cannot record processed event",
                new SQLException("Connection refused", "08001"));

        assertThat(policy.next(1_000, Duration.ofHours(1), outage)).contains(Duration.ofSeconds(2));
    }

    @Test
    void anEventWaitingForAnotherIsRetriedUntilTheDependencyWaitIsSpent() {
        RuntimeException waiting = new EventNotYetApplicable("job not replicated yet");

        assertThat(policy.next(40, Duration.ofSeconds(100), waiting)).contains(Duration.ofSeconds(2));
        assertThat(policy.next(60, Duration.ofSeconds(119), waiting)).isEmpty();
    }

    @Test
    void oneAttemptMeansNoRetry() {
        Optional<Duration> next = new ConsumerRetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ZERO).next(1, Duration.ZERO, new IllegalStateException("bug"));

        assertThat(next).isEmpty();
    }
}
