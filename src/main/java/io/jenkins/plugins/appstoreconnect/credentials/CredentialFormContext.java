package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Item;
import hudson.model.ModelObject;
import hudson.model.User;
import hudson.security.AccessControlled;
import jenkins.model.Jenkins;

/**
 * Where a credentials form's checks and "Test connection" are called from (a folder or job, a user's own store, or
 * Jenkins), what the caller may do there, and which stored credential the form is editing. The permission is the
 * one of the credentials store there, as the credentials plugin's own forms use it: Create or Update.
 */
final class CredentialFormContext {
    private CredentialFormContext() {}

    /** The context of a form call: the item or user in the URL, else Jenkins. */
    static ModelObject of(ModelObject ancestor) {
        return ancestor instanceof Item || ancestor instanceof User ? ancestor : Jenkins.get();
    }

    /** Only people who may create or change credentials here get answers about what they type. */
    static boolean mayConfigure(ModelObject ancestor) {
        return acl(of(ancestor)).hasAnyPermission(CredentialsProvider.CREATE, CredentialsProvider.UPDATE);
    }

    static void checkMayConfigure(ModelObject ancestor) {
        acl(of(ancestor)).checkAnyPermission(CredentialsProvider.CREATE, CredentialsProvider.UPDATE);
    }

    /**
     * A user's credentials are guarded by their store (only its owner may use it); an item or Jenkins by its own
     * permissions, as before.
     */
    private static AccessControlled acl(ModelObject context) {
        if (context instanceof User) {
            for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
                if (store.getContext() == context) {
                    return store;
                }
            }
            return Jenkins.get();
        }
        return context instanceof AccessControlled a ? a : Jenkins.get();
    }

    /**
     * The stored credential of {@code type} and {@code id} that the form is editing, from the store of this context,
     * if the caller may update credentials there; else {@code null}.
     */
    static <C extends IdCredentials> C edited(ModelObject ancestor, Class<C> type, String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        ModelObject context = of(ancestor);
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            if (store.getContext() != context || !store.hasPermission(CredentialsProvider.UPDATE)) {
                continue;
            }
            for (Domain domain : store.getDomains()) {
                for (Credentials c : store.getCredentials(domain)) {
                    if (type.isInstance(c) && id.equals(type.cast(c).getId())) {
                        return type.cast(c);
                    }
                }
            }
        }
        return null;
    }
}
