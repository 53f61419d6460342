package gaan.experiment;

/**
 * How an unexpected exception is told to the user: its message when it has one, else its type,
 * and the first frame of gaan's own code so a bug report can point at it (a library's bare
 * message, or "null", says nothing about where it happened).
 */
public final class Failure {
    private Failure() {
    }

    public static String describe(Throwable e) {
        String what = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.getClass().getName();
        if (e.getClass().getName().startsWith("gaan.")) {
            return what;
        }
        String type = e.getMessage() != null && !e.getMessage().isBlank() ? e.getClass().getSimpleName() + ": " : "";
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("gaan.")) {
                return type + what + " (at " + f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber() + ")";
            }
        }
        return type + what;
    }
}
