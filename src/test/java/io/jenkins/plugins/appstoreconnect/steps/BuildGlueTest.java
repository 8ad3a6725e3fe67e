package io.jenkins.plugins.appstoreconnect.steps;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKeyImpl;
import io.jenkins.plugins.appstoreconnect.MutableClock;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames.Variable;
import io.jenkins.plugins.appstoreconnect.core.environment.KeyFileLayout;
import io.jenkins.plugins.appstoreconnect.core.token.TokenSource;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.token.Audience;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The glue's own logic without Jenkins: options, the callables the agent runs (on a real temp directory), the
 * environment expander and the console filter, and what their serialised forms hold.
 */
class BuildGlueTest {

    private static final String KID = "ABCDE12345";
    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    private final String pem = TestKeys.pkcs8Pem(TestKeys.p256());
    private final ParsedKey key = P256PrivateKeys.parse(pem);
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));

    private AppStoreConnectApiKeyImpl credential(String issuer) throws Exception {
        return new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc", "", KID, issuer, Secret.fromString(pem));
    }

    @Test
    void optionsKeepDefaultsRenameAndSwitchOff() throws Exception {
        KeyUseOptions o = new KeyUseOptions();
        for (Variable v : Variable.values()) {
            assertEquals(v.defaultName(), o.name(v), "default shown in forms and snippets");
        }
        o.setName(Variable.JWT, "ASC_TOKEN");
        o.setName(Variable.PRIVATE_KEYS_DIR, "");
        o.setName(Variable.KEY_ID, Variable.KEY_ID.defaultName()); // the default, as a form submits it
        o.setScopeLines("GET /v1/apps\r\n\nPOST /v1/builds\n");
        o.setLifetime(600);
        KeyUseOptions copy = o.copy();
        o.setName(Variable.JWT, "OTHER");

        Map<Variable, String> names = copy.names().asMap();
        assertEquals("ASC_TOKEN", names.get(Variable.JWT));
        assertFalse(names.containsKey(Variable.PRIVATE_KEYS_DIR), "empty switches the variable off");
        assertEquals("", copy.name(Variable.PRIVATE_KEYS_DIR));
        assertEquals("APP_STORE_CONNECT_API_KEY_KEY_ID", names.get(Variable.KEY_ID));
        assertEquals("GET /v1/apps\n\nPOST /v1/builds", copy.getScopeLines());

        TokenRequest r = copy.request(credential(ISSUER));
        assertEquals(List.of("GET /v1/apps", "POST /v1/builds"), r.scope());
        assertEquals(Duration.ofSeconds(600), r.lifetime());
        assertEquals(ISSUER, r.issuerId());

        AppStoreConnectApiKeyImpl enterprise = credential(null);
        enterprise.setEnterprise(true);
        TokenRequest e = new KeyUseOptions().request(enterprise);
        assertTrue(e.isIndividual());
        assertEquals(Audience.ENTERPRISE, e.audience());
        assertEquals(TokenRequest.MAX_LIFETIME, e.lifetime(), "0 is the default lifetime");

        KeyUseOptions bad = new KeyUseOptions();
        bad.setName(Variable.JWT, "PATH");
        assertThrows(InvalidInputException.class, bad::names);
        bad.setName(Variable.JWT, null);
        bad.setLifetime(3600);
        assertThrows(InvalidInputException.class, () -> bad.request(credential(ISSUER)));
    }

    @Test
    void theAgentCallablesWriteAndDeleteTheBlockDirectory(@TempDir Path workspaceParent) throws Exception {
        TokenRequest request = TokenRequest.team(KID, ISSUER);
        Map<String, byte[]> files = KeyFileLayout.files(key, request);
        List<byte[]> contents = new ArrayList<>(files.values());
        Path dir = workspaceParent.resolve("ws@tmp").resolve(KeyFileLayout.directoryName("0123abcd"));

        new KeyUse.WriteFiles(KID, files).invoke(dir.toFile(), null); // creates ws@tmp as well
        Path p8 = dir.resolve("private_keys/AuthKey_" + KID + ".p8");
        assertTrue(key.pkcs8Pem().equals(Files.readString(p8)), "the .p8 is the normalised PEM");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("fastlane-api-key.json").toFile());
        assertEquals(KID, json.get("key_id").asText());
        assertEquals(ISSUER, json.get("issuer_id").asText());
        assertTrue(key.pkcs8Pem().equals(json.get("key").asText()), "the JSON holds the PEM");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p8)));
        }
        for (byte[] b : contents) {
            assertArrayEquals(new byte[b.length], b, "the contents are zeroed once written");
        }

        Path other = Files.createDirectories(workspaceParent.resolve("ws@tmp/not-ours"));
        assertFalse(new KeyUse.DeleteFiles().invoke(other.toFile(), null), "only asc-* directories are deleted");
        assertTrue(Files.isDirectory(other));
        assertTrue(new KeyUse.DeleteFiles().invoke(dir.toFile(), null));
        assertFalse(Files.exists(dir));
        assertTrue(new KeyUse.DeleteFiles().invoke(dir.toFile(), null), "deleting again is fine");
    }

    @Test
    void theExpanderGivesEachStepAFreshTokenAndSerialisesNoSecret() throws Exception {
        KeyUse use = new KeyUse("asc", new KeyUseOptions(), credential(ISSUER), "/ws@tmp/asc-0123abcd", new TokenCache(clock));
        KeyUseExpander expander = new KeyUseExpander("job#1", use);
        assertEquals(Set.of("APP_STORE_CONNECT_JWT"), expander.getSensitiveVariables());

        EnvVars step1 = new EnvVars();
        expander.expand(step1);
        clock.advance(Duration.ofMinutes(40));
        EnvVars step2 = new EnvVars();
        expander.expand(step2);
        String t1 = step1.get("APP_STORE_CONNECT_JWT");
        String t2 = step2.get("APP_STORE_CONNECT_JWT");
        assertNotEquals(t1, t2, "a step 40 minutes into the block gets a new token");
        SignedJWT jwt = SignedJWT.parse(t2);
        assertTrue(jwt.verify(new ECDSAVerifier(key.publicKey())));
        assertTrue(jwt.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(clock.instant().plus(TokenCache.DEFAULT_REFRESH_MARGIN).minusSeconds(1)));
        assertEquals("/ws@tmp/asc-0123abcd/private_keys/AuthKey_" + KID + ".p8", step2.get("APP_STORE_CONNECT_API_KEY_KEY_FILEPATH"));
        assertEquals(ISSUER, step2.get("APP_STORE_CONNECT_API_KEY_ISSUER_ID"));

        byte[] serialised = serialise(expander);
        assertNoSecret(serialised, List.of(t1, t2));
        KeyUseExpander restored = (KeyUseExpander) deserialise(serialised);
        assertEquals(Set.of("APP_STORE_CONNECT_JWT"), restored.getSensitiveVariables());
        // after a restart the token source is gone and the credential is looked up again (needs Jenkins)
        // (what the lookup throws is Jenkins' business: AbortException in a real Jenkins without that run)
        EnvVars afterRestart = new EnvVars();
        assertThrows(Exception.class, () -> restored.expand(afterRestart));
        assertTrue(afterRestart.isEmpty(), "no token without the credential");
    }

    @Test
    void theExpanderRefusesATokenTheFilterWouldNotMask() {
        TokenSource tokens = new TokenSource(new TokenCache(clock), key, TokenRequest.team(KID, ISSUER));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new KeyUseOptions().variables(tokens, "eyJhbGciOiJub25lIn0.", "/t/asc-1"));
        assertFalse(e.getMessage().contains(tokens.token().token().split("\\.")[2]));
    }

    @Test
    void theFilterMasksTheKeyAndTokensMintedAfterItWasMade() throws Exception {
        TokenRequest request = TokenRequest.team(KID, ISSUER);
        String prefix = new TokenSource(new TokenCache(clock), key, request).maskPrefix();
        KeyMaskingFilter filter = KeyMaskingFilter.forKey(key, key.pkcs8Pem(), prefix);
        assertFalse(filter.toString().contains(key.pkcs8Pem().split("\n")[1]));

        // through Java serialisation, as Pipeline sends it to an agent
        KeyMaskingFilter onAgent = (KeyMaskingFilter) deserialise(serialise(filter));
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Clock at = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(1000L * i), ZoneOffset.UTC);
            TokenRequest r = i % 2 == 0 ? request
                    : TokenRequest.builder().keyId(KID).scope("GET /v1/apps").lifetime(Duration.ofSeconds(400)).build();
            later.add(Tokens.mint(key.privateKey(), r, at).token());
        }
        String json = new String(KeyFileLayout.files(key, request).get("fastlane-api-key.json"), StandardCharsets.UTF_8);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = onAgent.decorateLogger((hudson.model.Run<?, ?>) null, sink)) {
            out.write(("+ cat AuthKey_" + KID + ".p8\n" + key.pkcs8Pem() + "+ cat fastlane-api-key.json\n" + json).getBytes(StandardCharsets.UTF_8));
            for (String t : later) {
                byte[] line = ("curl -H \"Authorization: Bearer " + t + "\" https://api.appstoreconnect.apple.com/v1/apps\n")
                        .getBytes(StandardCharsets.UTF_8);
                out.write(line, 0, 40);
                out.flush();
                out.write(line, 40, line.length - 40);
            }
        }
        String log = sink.toString(StandardCharsets.UTF_8);
        assertNoSecret(sink.toByteArray(), later);
        assertTrue(log.contains("\"key_id\": \"" + KID + "\""), "ordinary text stays");
        assertEquals(5, log.split("Bearer \\*\\*\\*\\*\" https", -1).length - 1, "each token is one mask");
    }

    /** A filter saved by the version that held the key is read without it (no segments): it still masks tokens. */
    @Test
    void aFilterSavedWithoutSegmentsStillMasksTokens() throws Exception {
        TokenRequest request = TokenRequest.team(KID, ISSUER);
        TokenSource tokens = new TokenSource(new TokenCache(clock), key, request);
        KeyMaskingFilter restored = (KeyMaskingFilter) deserialise(serialise(new KeyMaskingFilter(null, tokens.maskPrefix())));
        String token = tokens.token().token();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = restored.decorateLogger((hudson.model.Run<?, ?>) null, sink)) {
            out.write(("Bearer " + token + "\n" + "ordinary text\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("Bearer ****\nordinary text\n", sink.toString(StandardCharsets.UTF_8));
    }

    /** Pipeline's agents decorate through the AbstractBuild overload, with no build: it masks as the Run one does. */
    @Test
    @SuppressWarnings("deprecation")
    void theFilterMasksThroughEveryBuildOverload() throws Exception {
        TokenRequest request = TokenRequest.team(KID, ISSUER);
        KeyMaskingFilter filter = KeyMaskingFilter.forKey(key, key.pkcs8Pem(), new TokenSource(new TokenCache(clock), key, request).maskPrefix());
        for (int overload = 0; overload < 2; overload++) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream out = overload == 0 ? filter.decorateLogger((hudson.model.AbstractBuild<?, ?>) null, sink)
                    : filter.decorateLogger((hudson.model.Run<?, ?>) null, sink)) {
                out.write(key.pkcs8Pem().getBytes(StandardCharsets.UTF_8));
            }
            assertNoSecret(sink.toByteArray(), List.of());
            assertTrue(sink.toString(StandardCharsets.UTF_8).contains("****"));
        }
    }

    /** The build's final error is printed after the block's filter is gone: the block's failure handler masks it. */
    @Test
    void aTokenInTheBlocksFailureIsMaskedAndTheHandlerHoldsNoSecret() throws Exception {
        TokenRequest request = TokenRequest.team(KID, ISSUER);
        TokenSource tokens = new TokenSource(new TokenCache(clock), key, request);
        KeyMaskingFilter filter = KeyMaskingFilter.forKey(key, key.pkcs8Pem(), tokens.maskPrefix());
        String token = tokens.token().token();
        org.jenkinsci.plugins.workflow.steps.FailureHandler handler = (org.jenkinsci.plugins.workflow.steps.FailureHandler)
                deserialise(serialise(filter.failureHandler()));
        assertNoSecret(serialise(handler), List.of(token));

        IOException failure = new IOException("script returned 401 for Bearer " + token,
                new IllegalStateException("curl -H 'Authorization: Bearer " + token + "'"));
        Throwable shown = handler.handle(null, failure);
        java.io.StringWriter printed = new java.io.StringWriter();
        shown.printStackTrace(new java.io.PrintWriter(printed));
        assertNoSecret(printed.toString().getBytes(StandardCharsets.UTF_8), List.of(token));
        assertTrue(printed.toString().contains("java.io.IOException: script returned 401 for Bearer ****"), printed.toString());
        IOException clean = new IOException("no such file");
        assertSame(clean, handler.handle(null, clean), "a failure without a token is passed on as it is");
    }

    @Test
    void cleanupStateIsAPathOnly() throws Exception {
        String dir = "/ws@tmp/asc-0123abcd";
        for (Serializable s : List.<Serializable>of(new KeyBlockExecution(null, "asc-key", new KeyUseOptions()).new Cleanup(dir), new AppStoreConnectKeyWrapper.Cleanup(dir),
                new AppStoreConnectApiKeyBinding.Unbind(dir),
                new KeyBlockExecution(null, "asc", new KeyUseOptions()))) {
            byte[] bytes = serialise(s);
            assertNoSecret(bytes, List.of());
            assertTrue(deserialise(bytes).getClass() == s.getClass());
        }
    }

    /**
     * The body's end is reported on the CPS VM thread, which must not talk to the node: the callback that deletes
     * the key files is the execution's own non-blocking tail call (whose final onSuccess/onFailure hand
     * {@code finished} to the execution's background thread), not the plain one that runs it in place.
     */
    @Test
    void theKeyFilesAreDeletedOnTheExecutionsBackgroundThread() throws Exception {
        KeyBlockExecution execution = new KeyBlockExecution(null, "asc", new KeyUseOptions());
        org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback cleanup = execution.new Cleanup("/ws@tmp/asc-0123abcd");
        Class<?> nonBlocking = Class.forName("org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution$TailCall");
        assertTrue(nonBlocking.isInstance(cleanup), "the cleanup is GeneralNonBlockingStepExecution.TailCall");
        assertFalse(cleanup instanceof org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback.TailCall,
                "not the tail call that runs on the CPS VM thread");
        for (String m : List.of("onSuccess", "onFailure")) {
            java.lang.reflect.Method method = java.util.Arrays.stream(cleanup.getClass().getMethods())
                    .filter(x -> x.getName().equals(m)).findFirst().orElseThrow();
            assertEquals(nonBlocking, method.getDeclaringClass(), m + " is the background hand-off, not ours");
        }
        java.lang.reflect.Field outer = cleanup.getClass().getDeclaredField("this$0");
        outer.setAccessible(true);
        assertSame(execution, outer.get(cleanup), "the hand-off goes to this step's execution");
    }

    @Test
    void theIndividualKeyNoteIsCoresText() {
        assertEquals(io.jenkins.plugins.appstoreconnect.core.environment.BuildEnvironment.INDIVIDUAL_KEY_NOTE,
                Messages.KeyUse_IndividualKeyNote());
        assertTrue(Messages.KeyUse_NotFound("my-id").contains("'my-id'"));
    }

    /**
     * credentials-binding is optional: only the binding classes ({@code *Binding} and their nested classes) may refer to
     * it, and no other class may refer to a binding class.
     */
    @Test
    void onlyTheBindingsReferToCredentialsBinding() {
        com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> binding =
                com.tngtech.archunit.base.DescribedPredicate.describe("a binding or nested in one",
                        c -> c.getName().replaceFirst("\\$.*", "").endsWith("Binding"));
        com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.jenkins.plugins.appstoreconnect");
        assertEquals(4, classes.stream().filter(c -> c.getSimpleName().endsWith("Binding")).count(),
                "appStoreConnectApiKey, appleToken, cloudKitApiToken, mapsToken");
        noClasses().that().resideInAPackage("io.jenkins.plugins.appstoreconnect..").and(com.tngtech.archunit.base.DescribedPredicate.not(binding))
                .should().dependOnClassesThat().resideInAPackage("org.jenkinsci.plugins.credentialsbinding..")
                .check(classes);
        noClasses().that().resideInAPackage("io.jenkins.plugins.appstoreconnect..").and(com.tngtech.archunit.base.DescribedPredicate.not(binding))
                .should().dependOnClassesThat(binding)
                .allowEmptyShould(true)
                .check(classes);
    }

    private void assertNoSecret(byte[] bytes, List<String> tokens) {
        SerialisedState.assertNoSecret(bytes, key, tokens);
    }

    private static byte[] serialise(Object o) throws IOException {
        return SerialisedState.serialise(o);
    }

    private static Object deserialise(byte[] bytes) throws IOException, ClassNotFoundException {
        return SerialisedState.deserialise(bytes);
    }
}
