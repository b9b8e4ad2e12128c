package com.firsthand.scoring.service;

import com.firsthand.scoring.domain.Check;
import com.firsthand.scoring.domain.FileFacts;
import com.firsthand.scoring.domain.ImageQuality;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.domain.QualityRating;
import com.firsthand.scoring.domain.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.List;

/**
 * The offline, deterministic scorer: images by technical quality (QualityRating), other formats by the basic
 * readability check, which earns 3 stars since nothing more can be measured without a model.
 */
@ApplicationScoped
@Typed(LocalScorer.class)
public class LocalScorer implements Scorer {

    public static final String NAME = "local";
    /** What the local scorer applies, as the decision record names it: QualityRating's rules. */
    public static final String MODEL = "local-rules";
    /** Raise with every change to QualityRating's thresholds or the basic check's rating. */
    public static final String RUBRIC_VERSION = "local-1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict score(FileFacts file, JobRequirements job, List<Check> earlier) {
        if (file.isImage()) {
            return QualityRating.rate(ImageQuality.measure(file.gray()), file.width(), file.height(), earlier)
                    .by(MODEL, RUBRIC_VERSION);
        }
        String detail = capitalise(file.summary());
        return new Verdict(3, detail + ". Content not judged: the local scorer checks only that a "
                + file.detectedType() + " file is readable.", false, NAME, earlier).by(MODEL, RUBRIC_VERSION);
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
