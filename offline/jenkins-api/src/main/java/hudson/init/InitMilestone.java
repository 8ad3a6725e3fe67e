package hudson.init;

/**
 * Stand-in of jenkins-core's {@code InitMilestone} (constants only; the real enum also implements the task reactor's
 * {@code Milestone}, which has no listing here).
 */
public enum InitMilestone {
    STARTED,
    PLUGINS_LISTED,
    PLUGINS_PREPARED,
    PLUGINS_STARTED,
    EXTENSIONS_AUGMENTED,
    SYSTEM_CONFIG_LOADED,
    SYSTEM_CONFIG_ADAPTED,
    JOB_LOADED,
    JOB_CONFIG_ADAPTED,
    COMPLETED
}
