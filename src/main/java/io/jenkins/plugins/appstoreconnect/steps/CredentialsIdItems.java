package io.jenkins.plugins.appstoreconnect.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKey;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * The credential drop-downs and their checks for this package's steps, build wrapper and bindings, as the
 * credentials plugin's consumer guide has them: listed as the job runs its builds (so that the list shows what a
 * build can use), only for people who may configure or use the job.
 */
final class CredentialsIdItems {

    private CredentialsIdItems() {}

    /**
     * The App Store Connect API keys usable in {@code item} (or globally), for people who may configure or use it;
     * others see only the current value.
     */
    static ListBoxModel fill(Item item, String credentialsId) {
        return fill(item, credentialsId, AppStoreConnectApiKey.class);
    }

    /** The credentials of {@code type} usable in {@code item} (or globally), as {@link #fill(Item, String)}. */
    static ListBoxModel fill(Item item, String credentialsId, Class<? extends StandardCredentials> type) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (!mayList(item)) {
            model.includeCurrentValue(credentialsId);
            return model;
        }
        model.includeEmptyValue();
        include(model, item, type);
        model.includeCurrentValue(credentialsId);
        return model;
    }

    /**
     * The check of a chosen ID: an error when no credential of {@code type} with that ID is available where
     * {@link #fill} lists them; a warning for an expression ({@code ${PARAM}}), which only a build can resolve;
     * nothing for an empty value (the step's own error names it) or for people who may not list credentials.
     *
     * @param kind the credential kind for the message, e.g. "Apple developer key"
     */
    static FormValidation check(Item item, String value, Class<? extends StandardCredentials> type, String kind) {
        if (!mayList(item) || value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        if (value.startsWith("${") && value.endsWith("}")) {
            return FormValidation.warning(Messages.Credential_CheckExpression());
        }
        StandardListBoxModel model = new StandardListBoxModel();
        include(model, item, type);
        for (ListBoxModel.Option option : model) {
            if (value.equals(option.value)) {
                return FormValidation.ok();
            }
        }
        return FormValidation.error(Messages.Credential_CheckNotFound(value, kind));
    }

    private static boolean mayList(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasAnyPermission(Item.EXTENDED_READ, CredentialsProvider.USE_ITEM);
    }

    private static void include(StandardListBoxModel model, Item item, Class<? extends StandardCredentials> type) {
        if (item == null) {
            model.includeAs(ACL.SYSTEM2, Jenkins.get(), type);
        } else {
            model.includeAs(authenticationOf(item), item, type);
        }
    }

    /** Who the job's builds run as (credentials are listed for that), or the system for an item that is no job. */
    static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}
