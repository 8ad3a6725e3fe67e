package jenkins.model;

/** Stand-in of jenkins-core's {@code DirectlyModifiableTopLevelItemGroup} (type only). */
public interface DirectlyModifiableTopLevelItemGroup extends ModifiableTopLevelItemGroup {}
