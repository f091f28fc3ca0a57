package solo.execution.agent;

/** Answers a scripted model gives for the shipped qualifier agent. */
final class QualifierAnswers {
    static final String VALID = """
            {"score": 82, "qualified": true, "reasons": ["budget fits", "needs a redesign"], "next_step": "draft_email", "confidence": 0.9}""";
    static final String SCORE_TOO_HIGH = """
            {"score": 150, "qualified": true, "reasons": ["budget fits"], "next_step": "draft_email", "confidence": 0.9}""";

    private QualifierAnswers() {}
}
