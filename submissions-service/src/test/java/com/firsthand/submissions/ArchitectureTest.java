package com.firsthand.submissions;

import com.firsthand.common.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void layersKeepTransportOutOfTheDomain() {
        ArchitectureRules.check("com.firsthand.submissions");
    }
}
