package jenkins.model;

import hudson.model.ModifiableItemGroup;
import hudson.model.TopLevelItem;

/** Stand-in of jenkins-core's {@code ModifiableTopLevelItemGroup} (type only). */
public interface ModifiableTopLevelItemGroup extends ModifiableItemGroup<TopLevelItem> {}
