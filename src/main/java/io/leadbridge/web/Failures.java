package io.leadbridge.web;

/**
 * An exception as one log entry of bounded size: each cause's class and the start of its message,
 * and the first frames of each. A database error can quote a whole 20 MB value in its message;
 * the log keeps the first few hundred characters.
 */
public final class Failures {

    private static final int MESSAGE = 500;
    private static final int FRAMES = 25;
    private static final int CAUSES = 8;

    private Failures() {
    }

    public static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < CAUSES; t = t.getCause() == t ? null : t.getCause(), depth++) {
            text.append(depth == 0 ? "" : "\nCaused by: ").append(t.getClass().getName());
            String message = t.getMessage();
            if (message != null) {
                message = message.replaceAll("\\p{Cntrl}", " ");
                text.append(": ").append(message.length() > MESSAGE
                        ? message.substring(0, MESSAGE) + "... (" + message.length() + " characters)" : message);
            }
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                text.append("\n\tat ").append(frames[i]);
            }
            if (frames.length > FRAMES) {
                text.append("\n\t... ").append(frames.length - FRAMES).append(" more");
            }
        }
        return text.toString();
    }
}
