package hudson.model;

/** Stand-in of jenkins-core's {@code ModifiableItemGroup} (type only). */
public interface ModifiableItemGroup<T extends Item> extends ItemGroup<T> {}
