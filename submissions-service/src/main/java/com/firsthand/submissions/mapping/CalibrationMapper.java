package com.firsthand.submissions.mapping;

import com.firsthand.common.paging.DateWindow;
import com.firsthand.submissions.domain.Calibration;
import com.firsthand.submissions.rest.model.CalibrationResponse;

public final class CalibrationMapper {

    private CalibrationMapper() {
    }

    public static CalibrationResponse toResponse(String jobId, DateWindow window, Calibration c) {
        return new CalibrationResponse("calibration", jobId, window.from(), window.to(),
                c.decisions(), c.overturned(), c.agreementRate(), c.cohensKappa(),
                new CalibrationResponse.ConfusionMatrix(c.aiApprovedBuyerApproved(), c.aiApprovedBuyerRejected(),
                        c.aiRejectedBuyerApproved(), c.aiRejectedBuyerRejected()),
                c.byScorer().stream().map(s -> new CalibrationResponse.ByScorer(s.scorer(), s.model(), s.decisions(),
                        s.overturned(), s.overturnRate())).toList());
    }
}
