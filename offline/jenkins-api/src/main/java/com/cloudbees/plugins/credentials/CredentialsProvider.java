package com.cloudbees.plugins.credentials;

import hudson.model.Node;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.ExtensionPoint;
import hudson.model.Item;
import hudson.model.Fingerprint;
import hudson.model.Run;
import java.io.IOException;
import hudson.model.ItemGroup;
import hudson.model.ModelObject;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.core.Authentication;

/** Stand-in of the credentials plugin's {@code CredentialsProvider} (only the members this plugin uses). */
public abstract class CredentialsProvider implements ExtensionPoint {
    public static final Permission CREATE = null;
    public static final Permission UPDATE = null;
    public static final Permission USE_ITEM = null;

    private CredentialsProvider() {}

    public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(
            Class<C> type, ItemGroup itemGroup, Authentication authentication) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(Class<C> type, ItemGroup itemGroup,
            Authentication authentication, List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    // ---- folder-scoped lookups (FolderCredentialsTest) ----

    public static <C extends Credentials> List<C> lookupCredentialsInItem(
            Class<C> type, Item item, Authentication authentication) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public static <C extends Credentials> List<C> lookupCredentialsInItem(Class<C> type, Item item,
            Authentication authentication, List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public static Iterable<CredentialsStore> lookupStores(ModelObject object) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** In the real class: the credential of that ID and type visible to the run (its job's context, its user), or null. */
    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
            DomainRequirement... domainRequirements) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
            List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** In the real class: records the credential's fingerprint as used by the run. */
    public static <C extends Credentials> C track(Run run, C credentials) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public static <C extends Credentials> C track(Node node, C credentials) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public static <C extends Credentials> C track(Item item, C credentials) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** In the real class: the fingerprint recording where the credential was used, or null. */
    public static Fingerprint getFingerprintOf(Credentials c) throws IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
