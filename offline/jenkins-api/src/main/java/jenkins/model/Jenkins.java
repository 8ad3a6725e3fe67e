package jenkins.model;

import hudson.FilePath;
import hudson.model.Item;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.security.access.AccessDeniedException;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.TopLevelItem;
import hudson.security.AccessControlled;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import hudson.security.SecurityRealm;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;

/** Stand-in of jenkins-core's {@code Jenkins} (only the members this plugin and its tests use; no behaviour). */
public class Jenkins implements AccessControlled, DirectlyModifiableTopLevelItemGroup {
    /** The real one reads and writes this kind of configuration; {@code null} here (needs Jenkins). */
    public static final hudson.util.XStream2 XSTREAM2 = null;

    public static final Permission ADMINISTER = null;
    public static final Permission READ = null;

    private Jenkins() {}

    public static Jenkins get() throws IllegalStateException {
        throw new IllegalStateException("stand-in: there is no running Jenkins in the offline build");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public void setSecurityRealm(SecurityRealm securityRealm) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public void setAuthorizationStrategy(AuthorizationStrategy a) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    // ---- item groups (FolderCredentialsTest): ItemGroup is a ModelObject, items are created from XML ----

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Override
    public TopLevelItem createProjectFromXML(String name, InputStream xml) throws IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public Item getItemByFullName(String fullName) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public FilePath getWorkspaceFor(TopLevelItem item) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
