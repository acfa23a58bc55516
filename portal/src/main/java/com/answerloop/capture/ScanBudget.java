package com.answerloop.capture;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A time budget for one scan of a text. The scrubber's own patterns are bounded and run in linear time, but account
 * patterns come from configuration, so any regex may still backtrack badly; the text a pattern reads refuses to be read
 * past the deadline, which stops the match instead of a request thread.
 */
final class ScanBudget {

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private ScanBudget() {}

    /** Runs {@code scan} within {@code budget}; throws {@link PiiScanTimeout} when it takes longer. */
    static <T> T within(Duration budget, Supplier<T> scan) {
        DEADLINE.set(System.nanoTime() + budget.toNanos());
        try {
            return scan.get();
        } finally {
            DEADLINE.remove();
        }
    }

    /** The text for a regex to read: checks the deadline of the running scan as the regex reads it. */
    static CharSequence timed(String text) {
        Long deadline = DEADLINE.get();
        return deadline == null ? text : new Timed(text, deadline);
    }

    /** Read by one matcher on one thread, so the read counter needs no synchronization. */
    private static final class Timed implements CharSequence {
        private final String text;
        private final long deadline;
        private int reads;

        Timed(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            // nanoTime costs ~20 ns; checking on every 1024th read keeps the check off the profile
            if ((++reads & 0x3FF) == 0 && System.nanoTime() > deadline) {
                throw new PiiScanTimeout();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
