package hudson.model;

/** Stand-in of jenkins-core's {@code TopLevelItem} (type only). */
public interface TopLevelItem extends Item {}
