package com.firsthand.submissions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibration figures against a hand computation. */
class CalibrationTest {

    /**
     * 50 decisions: AI approved and buyer agreed 20, AI approved and buyer rejected 5, AI rejected and buyer approved
     * 10, both rejected 15. By hand: observed agreement 35/50 = 0.7; the AI approves 25/50 = 0.5, the buyer 30/50 =
     * 0.6, so chance agreement is 0.5 x 0.6 + 0.5 x 0.4 = 0.5 and kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
     */
    @Test
    void aConstructedSetOfDecisionsGivesTheFiguresComputedByHand() {
        List<Calibration.Pair> pairs = new ArrayList<>();
        add(pairs, 12, "openai", "gpt-4o", true, true);
        add(pairs, 8, "local", "local-rules", true, true);
        add(pairs, 5, "openai", "gpt-4o", true, false);
        add(pairs, 10, "local", "local-rules", false, true);
        add(pairs, 15, "openai", "gpt-4o", false, false);
        Collections.shuffle(pairs, new java.util.Random(7));

        Calibration calibration = Calibration.of(pairs);

        assertThat(calibration.decisions()).isEqualTo(50);
        assertThat(calibration.overturned()).isEqualTo(15);
        assertThat(calibration.aiApprovedBuyerApproved()).isEqualTo(20);
        assertThat(calibration.aiApprovedBuyerRejected()).isEqualTo(5);
        assertThat(calibration.aiRejectedBuyerApproved()).isEqualTo(10);
        assertThat(calibration.aiRejectedBuyerRejected()).isEqualTo(15);
        assertThat(calibration.agreementRate()).isEqualTo(0.7);
        assertThat(calibration.cohensKappa()).isEqualTo(0.4);
        assertThat(calibration.byScorer()).containsExactly(
                new Calibration.ByScorer("local", "local-rules", 18, 10, 0.5556),
                new Calibration.ByScorer("openai", "gpt-4o", 32, 5, 0.1563));
    }

    @Test
    void kappaIsUndefinedWhenEveryVerdictIsTheSameAndThereIsNothingWithoutDecisions() {
        List<Calibration.Pair> allApproved = new ArrayList<>();
        add(allApproved, 4, "local", "local-rules", true, true);
        assertThat(Calibration.of(allApproved).agreementRate()).isEqualTo(1.0);
        assertThat(Calibration.of(allApproved).cohensKappa()).isNull();

        Calibration none = Calibration.of(List.of());
        assertThat(none.decisions()).isZero();
        assertThat(none.agreementRate()).isNull();
        assertThat(none.cohensKappa()).isNull();
        assertThat(none.byScorer()).isEmpty();
    }

    @Test
    void perfectDisagreementIsMinusOne() {
        List<Calibration.Pair> pairs = new ArrayList<>();
        add(pairs, 3, "openai", "m", true, false);
        add(pairs, 3, "openai", "m", false, true);
        assertThat(Calibration.of(pairs).cohensKappa()).isEqualTo(-1.0);
        assertThat(Calibration.of(pairs).byScorer().get(0).overturnRate()).isEqualTo(1.0);
    }

    private static void add(List<Calibration.Pair> pairs, int n, String scorer, String model, boolean ai,
            boolean buyer) {
        for (int i = 0; i < n; i++) {
            pairs.add(new Calibration.Pair(scorer, model, ai, buyer));
        }
    }
}
