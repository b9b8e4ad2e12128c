package com.firsthand.scoring.llm;

import com.firsthand.scoring.service.ProviderState;
import java.time.Duration;

/** No call could start within the patience: the breaker stayed open, or the limits stayed full. */
final class GateClosedException extends ProviderException {

    GateClosedException(Duration patience, ProviderState state) {
        super("no call could start within " + patience.toSeconds() + " s (circuit breaker " + state.breaker()
                + ", " + state.inFlight() + " calls out, " + state.waiting() + " waiting)", true, null);
    }
}
