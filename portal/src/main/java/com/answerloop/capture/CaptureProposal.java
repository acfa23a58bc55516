package com.answerloop.capture;

import java.util.List;

/**
 * A draft article proposed from a solved case, before scrubbing is applied: the template text with the personal data
 * still in it (shown only to the agent, highlighted) and what the scrubber found.
 */
public record CaptureProposal(String reference, String title, String text, List<Detection> detections) {}
