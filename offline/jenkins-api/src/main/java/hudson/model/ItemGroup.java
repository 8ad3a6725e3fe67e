package hudson.model;

/** Stand-in of jenkins-core's {@code ItemGroup} (type only). */
public interface ItemGroup<T extends Item> {}
