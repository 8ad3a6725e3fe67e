package io.jenkins.plugins.appstoreconnect.steps;

import hudson.AbortException;
import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKey;
import io.jenkins.plugins.appstoreconnect.credentials.AppleDeveloperKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import io.jenkins.plugins.appstoreconnect.core.token.TokenSource;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The build package's offline entry points for the hardening tests in the parent package (the bad-input table and the
 * secret-hygiene audit), which cannot reach its package-private classes: the checks a step, wrapper or binding runs
 * when it starts (with the real classes, as {@link BuildGlueTest} and {@link AppleBuildGlueTest} drive them), and the
 * state objects Jenkins saves or sends to agents, built as those tests build them.
 */
public final class StepGlue {

    private StepGlue() {}

    // ---------------------------------------------------------------- the checks a block runs first

    /**
     * What {@code withAppStoreConnectToken} answers when its block starts with {@code step}'s options for
     * {@code credential} (the check {@code KeyUse} runs before anything is written).
     *
     * @return the {@link AbortException}'s message
     * @throws AssertionError if the options are accepted
     */
    public static String ascStepRejection(AppStoreConnectApiKey credential, WithAppStoreConnectTokenStep step) {
        return keyBlockRejection(credential, options(step, KeyUseOptions.class));
    }

    /** The same for the freestyle wrapper (its options, including the scope as form lines). */
    public static String ascWrapperRejection(AppStoreConnectApiKey credential, AppStoreConnectKeyWrapper wrapper) {
        return keyBlockRejection(credential, options(wrapper, KeyUseOptions.class));
    }

    private static String keyBlockRejection(AppStoreConnectApiKey credential, KeyUseOptions options) {
        try {
            new KeyUse("asc-key", options.copy(), credential, null, new TokenCache(Clock.systemUTC()));
        } catch (AbortException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    /** What {@code withAppleToken} answers when its block starts with {@code step}'s options for {@code credential}. */
    public static String appleStepRejection(AppleDeveloperKey credential, WithAppleTokenStep step) {
        return appleKeyUseRejection(credential, options(step, AppleTokenOptions.class));
    }

    /** The same for the {@code appleToken} binding. */
    public static String appleBindingRejection(AppleDeveloperKey credential, AppleTokenBinding binding) {
        return appleKeyUseRejection(credential, options(binding, AppleTokenOptions.class));
    }

    private static String appleKeyUseRejection(AppleDeveloperKey credential, AppleTokenOptions options) {
        try {
            new KeyUse("team-key", options.copy(), credential, null, new TokenCache(Clock.systemUTC()));
        } catch (AbortException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    /** What the {@code mapsToken} binding answers for a variable name. */
    public static String mapsVariableRejection(String variable) {
        try {
            MapsTokenBinding.variableName(variable);
        } catch (AbortException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    /** What {@code cloudKitSignRequest} answers for its parameters (checked before the credential is looked up). */
    public static String cloudKitSignRejection(String subpath, String body, String bodyFile) {
        try {
            CloudKitSignRequestStep.input("ck-s2s", subpath, body, bodyFile);
        } catch (AbortException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    private static <T> T options(Object owner, Class<T> type) {
        try {
            Field f = owner.getClass().getDeclaredField("options");
            f.setAccessible(true);
            return type.cast(f.get(owner));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- state Jenkins saves or sends to agents

    /**
     * The state objects of the build glue that can be built without Jenkins, after minting with
     * {@code key} (every token minted is handed to {@code minted}), by name: the expanders (after expanding twice, so
     * that a token could have been kept), the options, the executions, the disposer and unbinder, the cleanup, and
     * the key masking filters and the failure handler.
     */
    public static Map<String, Object> stepState(ParsedKey key, AppStoreConnectApiKey asc, AppleDeveloperKey apple, Clock clock,
            Consumer<String> minted) throws Exception {
        Map<String, Object> state = new LinkedHashMap<>();
        String dir = "/ws@tmp/asc-0123456789abcdef";

        KeyUseOptions keyUse = new KeyUseOptions();
        keyUse.setScopeLines("GET /v1/apps\nPOST /v1/builds");
        keyUse.setLifetime(900);
        keyUse.setName(io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames.Variable.JWT, "ASC_TOKEN");
        KeyUse ascUse = new KeyUse("asc-key", keyUse.copy(), asc, dir, new TokenCache(clock));
        minted.accept(ascUse.tokens.token().token());
        KeyUseExpander expander = new KeyUseExpander("job#1", ascUse);
        for (int i = 0; i < 2; i++) {
            hudson.EnvVars env = new hudson.EnvVars();
            expander.expand(env);
            minted.accept(env.get("ASC_TOKEN"));
        }
        state.put("KeyUseExpander (App Store Connect)", expander);
        state.put("KeyUseOptions", keyUse);
        state.put("KeyBlockExecution (App Store Connect)", new KeyBlockExecution(null, "asc-key", keyUse.copy()));
        state.put("KeyBlockExecution.Cleanup", new KeyBlockExecution(null, "asc-key", new KeyUseOptions()).new Cleanup(dir));
        state.put("AppStoreConnectKeyWrapper.Cleanup (the wrapper's disposer)", new AppStoreConnectKeyWrapper.Cleanup(dir));
        state.put("AppStoreConnectApiKeyBinding.Unbind (the binding's unbinder)", new AppStoreConnectApiKeyBinding.Unbind(dir));

        AppleTokenOptions appleOptions = new AppleTokenOptions("weatherkit");
        appleOptions.setServiceId("com.example.weatherkit-client");
        appleOptions.setVariable("WEATHERKIT_TOKEN");
        KeyUse use = new KeyUse("team-key", appleOptions.copy(), apple, null, new TokenCache(clock));
        minted.accept(use.tokens.token().token());
        KeyUseExpander appleExpander = new KeyUseExpander("job#1", use);
        for (int i = 0; i < 2; i++) {
            hudson.EnvVars env = new hudson.EnvVars();
            appleExpander.expand(env);
            minted.accept(env.get("WEATHERKIT_TOKEN"));
        }
        state.put("KeyUseExpander (team key)", appleExpander);
        state.put("AppleTokenOptions", appleOptions);
        state.put("KeyBlockExecution (team key)", new KeyBlockExecution(null, "team-key", appleOptions.copy()));
        state.put("KeyBlockExecution.Cleanup (no files)", new KeyBlockExecution(null, "team-key", appleOptions.copy()).new Cleanup(null));
        state.put("CloudKitSignRequestStep.Execution", new CloudKitSignRequestStep.Execution(null, "ck-s2s",
                "/database/1/iCloud.com.example.MyApp/development/public/records/query", "{}", null));
        AppleTokenBinding binding = new AppleTokenBinding("team-key", "apns");
        binding.setVariable("APNS_TOKEN");
        state.put("AppleTokenBinding", binding);
        state.put("MapsTokenBinding", new MapsTokenBinding("maps-web", "MAPKIT_TOKEN"));
        state.put("CloudKitApiTokenBinding", new CloudKitApiTokenBinding("ck-prod"));
        WithAppleTokenStep step = new WithAppleTokenStep("team-key", "siwa");
        step.setClientId("com.example.web");
        state.put("WithAppleTokenStep", step);
        WithAppStoreConnectTokenStep ascStep = new WithAppStoreConnectTokenStep("asc-key");
        ascStep.setScope(List.of("GET /v1/apps"));
        state.put("WithAppStoreConnectTokenStep", ascStep);
        state.put(KEY_MASKING_FILTER_ASC, ascUse.filter());
        state.put(KEY_MASKING_FILTER_APPLE, use.filter());
        state.put("KeyFailureHandler (both steps)", use.filter().failureHandler());
        return state;
    }

    /** Names of the filters in {@link #stepState}. */
    public static final String KEY_MASKING_FILTER_ASC = "KeyMaskingFilter (withAppStoreConnectToken)";
    public static final String KEY_MASKING_FILTER_APPLE = "KeyMaskingFilter (withAppleToken)";

    /** The names of {@link KeyMaskingFilter}'s saved instance fields (neither static nor transient) of the given type. */
    public static List<String> keyMaskingFilterFields(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Field f : KeyMaskingFilter.class.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers()) && !java.lang.reflect.Modifier.isTransient(f.getModifiers())
                    && type.isAssignableFrom(f.getType())) {
                names.add(f.getName());
            }
        }
        return names;
    }
}
