package io.jenkins.plugins.appstoreconnect.steps;

import hudson.model.Describable;
import java.util.Map;
import java.util.Set;

/**
 * Help pages that the freestyle wrapper and the {@code withCredentials} bindings share with the Pipeline step
 * that has the same field: one {@code help-<field>.html}, kept next to the step, and a
 * {@code Descriptor#addHelpFileRedirect} from each other descriptor. The fields whose text differs (the scope,
 * a list in the step and lines in a form) keep their own page.
 */
final class SharedHelp {

    /** Fields of the App Store Connect wrapper and binding documented by {@link WithAppStoreConnectTokenStep}. */
    static final Set<String> KEY_USE_FIELDS = Set.of("credentialsId", "lifetime", "jwtVariable", "keyIdVariable",
            "issuerIdVariable", "keyFilePathVariable", "apiKeyPathVariable", "inHouseVariable", "durationVariable",
            "privateKeysDirVariable");

    /** Fields of the Apple token binding documented by {@link WithAppleTokenStep}. */
    static final Set<String> APPLE_TOKEN_FIELDS = Set.of("credentialsId", "profile", "variable", "serviceId",
            "clientId", "issuerId", "bundleId", "origins", "scope", "lifetime");

    /**
     * Which describable documents the shared fields, by the name of each describable that redirects to it. Names,
     * not classes: the bindings must stay unloaded when credentials-binding is not installed.
     */
    static final Map<String, Class<? extends Describable>> OWNERS = Map.of(
            AppStoreConnectKeyWrapper.class.getName(), WithAppStoreConnectTokenStep.class,
            "io.jenkins.plugins.appstoreconnect.steps.AppStoreConnectApiKeyBinding", WithAppStoreConnectTokenStep.class,
            "io.jenkins.plugins.appstoreconnect.steps.AppleTokenBinding", WithAppleTokenStep.class);

    /** {@code Descriptor#addHelpFileRedirect}, which is protected: descriptors pass it as a method reference. */
    @FunctionalInterface
    interface Redirect {
        void to(String fieldName, Class<? extends Describable> owner, String fieldNameToRedirectTo);
    }

    private SharedHelp() {}

    /** The shared fields of {@code type}: empty when it documents all its fields itself. */
    static Set<String> fieldsOf(Class<?> type) {
        Class<?> owner = OWNERS.get(type.getName());
        if (owner == WithAppStoreConnectTokenStep.class) {
            return KEY_USE_FIELDS;
        }
        return owner == WithAppleTokenStep.class ? APPLE_TOKEN_FIELDS : Set.of();
    }

    /** Registers the redirects of {@code type}'s descriptor. */
    static void register(Class<?> type, Redirect redirect) {
        Class<? extends Describable> owner = OWNERS.get(type.getName());
        for (String field : fieldsOf(type)) {
            redirect.to(field, owner, field);
        }
    }
}
